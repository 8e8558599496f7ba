// Text drawn as it was sent: control characters appear as visible escapes, never as layout.
import { visibleText } from '../format/http-text.ts'

const ESCAPE =
  'rounded-sm bg-amber-100 px-0.5 text-amber-900 ring-1 ring-amber-400 dark:bg-amber-900/60 dark:text-amber-100 dark:ring-amber-600'

/**
 * Renders `value` with each control character as a styled escape (`\n`, `\u0000`), so a value holding a
 * line break can't pass for a second line. Each escape says what it is to assistive technology too.
 */
export function VisibleText({ value }: { value: string }) {
  const segments = visibleText(value)
  if (segments.length === 1 && !segments[0]!.escaped) return value
  return segments.map((segment, i) =>
    segment.escaped ? (
      <span key={i} className={ESCAPE} title="control character, shown escaped" data-escape="">
        {segment.text}
      </span>
    ) : (
      segment.text
    ),
  )
}
