// The act chain drawn as a chain: the subject, then each actor who acted for them, the current one last.
import type { ChainLink } from '../../core/protocol/index.ts'
import { Code } from '../components/Pane.tsx'

export function ActChainView({
  subject,
  chain,
  mayAct,
}: {
  subject: string | null
  chain: ChainLink[]
  mayAct: unknown
}) {
  // act nests the current actor outermost; reading order is who delegated to whom, so reverse it.
  const inOrder = [...chain].reverse()
  return (
    <section aria-label="Actor chain">
      <h3 className="mb-1 text-xs font-semibold">Who acts for whom</h3>
      <ol className="flex flex-wrap items-center gap-1.5 text-xs">
        <li className="rounded-md border border-slate-300 px-2 py-1 dark:border-slate-700">
          subject <Code>{subject ?? '(no sub)'}</Code>
        </li>
        {inOrder.map((actor, index) => (
          <li key={index} className="rounded-md border border-indigo-300 px-2 py-1 dark:border-indigo-800">
            → {index === inOrder.length - 1 ? 'current actor' : 'earlier actor'} <Code>{actor.sub}</Code>
            {actor.subProfile && <> ({actor.subProfile})</>}
            {actor.iss && <span className="text-slate-500"> from {actor.iss}</span>}
          </li>
        ))}
      </ol>
      {chain.length === 0 && (
        <p className="mt-1 text-xs text-slate-500">
          No act claim: the token does not say anyone acts for the subject.
        </p>
      )}
      {mayAct !== null && (
        <p className="mt-1 text-xs">
          <Code>may_act</Code> names who the subject allows to act: <Code>{JSON.stringify(mayAct)}</Code>
        </p>
      )}
    </section>
  )
}
