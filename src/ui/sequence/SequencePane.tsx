// Region "Sequence": the Run drawn as a sequence diagram, and the same steps as an ordered list.
import { useMemo } from 'react'
import { type Run, type SequenceRow, sequenceRows } from '../../core/playground/index.ts'
import { Pane } from '../components/Pane.tsx'
import { focusPane } from './focus-pane.ts'
import { SequenceDiagram } from './SequenceDiagram.tsx'
import { STATE_CLASSES } from './state-classes.ts'

const MARK: Record<SequenceRow['state'], string> = {
  accepted: '✓',
  refused: '✗',
  vulnerable: '!',
  'not-reached': '·',
}

/** Which steps the run made, between which parties; a refusal says what stopped it and where it is written. */
export function SequencePane({ run }: { run: Run }) {
  const rows = useMemo(() => sequenceRows(run), [run])
  const choose = (row: SequenceRow) => focusPane(row.pane)
  return (
    <Pane
      id="sequence"
      title="Sequence"
      note="Who sent what to whom, in order. A dot on the audit log marks a step that wrote an audit line. Choose a step to open its pane."
    >
      <SequenceDiagram parties={run.parties} rows={rows} onChoose={choose} />
      <ol role="list" aria-label="Steps" className="mt-3 space-y-1 text-xs/5">
        {rows.map((row) => (
          <li key={row.key} className={STATE_CLASSES[row.state]}>
            <button
              type="button"
              onClick={() => choose(row)}
              className="w-full rounded-md px-2 py-1 text-left font-mono break-words hover:bg-slate-100 dark:hover:bg-slate-800"
            >
              <span aria-hidden="true" className="mr-1.5 font-bold">
                {MARK[row.state]}
              </span>
              {row.summary}
              {row.state === 'vulnerable' && ' (vulnerable server)'}
            </button>
            {row.note && (
              <p className="mt-0.5 ml-7 font-mono break-words text-slate-600 dark:text-slate-400">
                {row.note}
              </p>
            )}
            {row.refusal && (
              <p className="mt-0.5 ml-7 text-red-800 dark:text-red-300">
                <span className="font-mono">{row.refusal.code}</span> · reason{' '}
                <span className="font-mono">{row.refusal.reason}</span> · {row.refusal.spec} —{' '}
                {row.refusal.description}
                {row.refusal.defence !== row.refusal.description && (
                  <span className="mt-0.5 block text-slate-700 dark:text-slate-300">
                    Defence: {row.refusal.defence}
                  </span>
                )}
              </p>
            )}
          </li>
        ))}
      </ol>
    </Pane>
  )
}
