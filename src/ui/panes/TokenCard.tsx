// One input token: what it is, its decoded header and payload, and its encoded form.
import type { ReactNode } from 'react'
import type { TokenView } from '../../core/protocol/index.ts'
import { EncodedToken } from '../components/EncodedToken.tsx'
import { JsonView } from '../components/JsonView.tsx'
import { isTimeClaim } from '../format/time-claims.ts'
import { timeRemark } from '../format/time.ts'

interface TokenCardProps {
  title: string
  /** Accessible name of the encoded form, e.g. "Encoded subject token". */
  encodedLabel: string
  what: string
  token: TokenView
  nowSeconds: number
  children?: ReactNode
  /** A remark after a top-level claim's value, e.g. how the user signed in next to `amr`. */
  remarks?: Partial<Record<string, string>>
}

export function TokenCard({
  title,
  encodedLabel,
  what,
  token,
  nowSeconds,
  children,
  remarks,
}: TokenCardProps) {
  const annotate = (path: string, value: unknown) =>
    isTimeClaim(path, value) ? timeRemark(value, nowSeconds) : (remarks?.[path] ?? null)
  return (
    <article aria-label={title} className="min-w-0 space-y-2">
      <header>
        <h3 className="text-[0.8rem] font-semibold text-slate-800 dark:text-slate-200">{title}</h3>
        {children && <p className="text-xs/5 text-slate-500 dark:text-slate-400">{children}</p>}
      </header>
      <div className="space-y-2">
        <JsonView value={token.header ?? 'unreadable header'} label={`${title} header`} />
        <JsonView
          value={token.payload ?? 'unreadable payload'}
          label={`${title} payload`}
          annotate={annotate}
        />
      </div>
      <EncodedToken label={encodedLabel} what={what} encoded={token.encoded} />
    </article>
  )
}
