// JSON rendered as React text (never HTML), pretty-printed, long strings shortened and expandable.
import { memo, type ReactNode } from 'react'
import { LongValue } from './LongValue.tsx'

interface JsonViewProps {
  value: unknown
  /** Accessible name for the block, when it needs one. */
  label?: string
  /** Optional trailing remark for a value at a path, e.g. a human-readable time next to `exp`. */
  annotate?: (path: string, value: unknown) => ReactNode
  className?: string
}

const INDENT = '  '

// A Run's token headers and key sets are new objects that usually hold the same JSON as the last Run's:
// comparing the text is far cheaper than rendering the tree again.
const sameJson = (a: JsonViewProps, b: JsonViewProps) =>
  a.label === b.label &&
  a.annotate === b.annotate &&
  a.className === b.className &&
  (a.value === b.value || JSON.stringify(a.value) === JSON.stringify(b.value))

export const JsonView = memo(function JsonView({ value, label, annotate, className = '' }: JsonViewProps) {
  return (
    <pre
      role={label ? 'group' : undefined}
      aria-label={label}
      className={`rounded-lg bg-slate-50 px-3 py-2 font-mono text-xs/5 whitespace-pre-wrap [overflow-wrap:anywhere] text-slate-800 dark:bg-slate-950/60 dark:text-slate-200 ${className}`}
    >
      {renderValue(value, '', 0, annotate)}
    </pre>
  )
}, sameJson)

function renderValue(
  value: unknown,
  path: string,
  depth: number,
  annotate: JsonViewProps['annotate'],
): ReactNode {
  if (value === null) return <span className="text-violet-700 dark:text-violet-300">null</span>
  if (typeof value === 'string')
    return (
      <span className="text-emerald-700 dark:text-emerald-300">
        &quot;
        <LongValue value={JSON.stringify(value).slice(1, -1)} name={path || 'value'} />
        &quot;
      </span>
    )
  if (typeof value === 'number' || typeof value === 'boolean')
    return <span className="text-amber-700 dark:text-amber-300">{String(value)}</span>
  const pad = INDENT.repeat(depth + 1)
  const close = INDENT.repeat(depth)
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]'
    return (
      <>
        {'[\n'}
        {value.map((item, i) => (
          <span key={i}>
            {pad}
            {renderValue(item, `${path}[${i}]`, depth + 1, annotate)}
            {i < value.length - 1 ? ',' : ''}
            {'\n'}
          </span>
        ))}
        {close}]
      </>
    )
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
    if (entries.length === 0) return '{}'
    return (
      <>
        {'{\n'}
        {entries.map(([key, item], i) => {
          const childPath = path ? `${path}.${key}` : key
          const remark = annotate?.(childPath, item)
          return (
            <span key={key}>
              {pad}
              <span className="text-sky-800 dark:text-sky-300">{JSON.stringify(key)}</span>:{' '}
              {renderValue(item, childPath, depth + 1, annotate)}
              {i < entries.length - 1 ? ',' : ''}
              {remark && (
                <span className="text-slate-500 italic dark:text-slate-400">
                  {'  // '}
                  {remark}
                </span>
              )}
              {'\n'}
            </span>
          )
        })}
        {close}
        {'}'}
      </>
    )
  }
  return String(value)
}
