// The sequence diagram: one lifeline per party, one arrow per step, coloured by what was decided.
import type { Party, SequenceRow } from '../../core/playground/index.ts'
import { STATE_CLASSES } from './state-classes.ts'

const COLUMN = 128
const TOP = 40
const ROW = 46

interface DiagramProps {
  parties: Party[]
  rows: SequenceRow[]
  onChoose: (row: SequenceRow) => void
}

/**
 * Drawn, not generated: plain SVG elements, so it renders under the page's CSP. Arrows keep their
 * keys across edits and only their colours and labels change; colours fade unless motion is reduced.
 * Hidden from assistive technology: the ordered list next to it says the same.
 */
export function SequenceDiagram({ parties, rows, onChoose }: DiagramProps) {
  const column = new Map(parties.map((party, i) => [party.id, COLUMN / 2 + i * COLUMN]))
  const width = Math.max(parties.length, 1) * COLUMN
  const height = TOP + rows.length * ROW + 12
  const audit = column.get(parties.find((party) => party.kind === 'audit-log')?.id ?? '')
  return (
    <svg
      aria-hidden="true"
      viewBox={`0 0 ${width} ${height}`}
      className="hidden h-auto w-full max-w-full font-sans text-slate-700 select-none sm:block dark:text-slate-300"
    >
      <defs>
        <marker
          id="seq-arrow"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto-start-reverse"
        >
          <path d="M0,0 L10,5 L0,10 z" fill="context-stroke" />
        </marker>
      </defs>
      {parties.map((party) => {
        const x = column.get(party.id) ?? 0
        return (
          <g key={party.id}>
            <text x={x} y={16} textAnchor="middle" className="fill-current text-[13px] font-semibold">
              {party.label}
            </text>
            <line
              x1={x}
              x2={x}
              y1={26}
              y2={height}
              className="stroke-slate-300 dark:stroke-slate-700"
              strokeDasharray="3 4"
            />
          </g>
        )
      })}
      {rows.map((row, i) => {
        const y = TOP + i * ROW + 26
        const x1 = column.get(row.from.id) ?? 0
        const x2 = column.get(row.to.id) ?? 0
        const self = x1 === x2
        const label = row.answer ? `${row.sent} → ${row.answer}` : row.sent
        const mid = self ? x1 + 8 : (x1 + x2) / 2
        return (
          <g
            key={row.key}
            className={`cursor-pointer motion-safe:animate-step-in motion-safe:transition-colors motion-safe:duration-300 ${STATE_CLASSES[row.state]}`}
            onClick={() => onChoose(row)}
          >
            {self ? (
              <path
                d={`M${x1},${y - 8} h24 v12 h-22`}
                fill="none"
                className="stroke-current"
                strokeWidth={1.5}
                markerEnd="url(#seq-arrow)"
              />
            ) : (
              <line
                x1={x1}
                x2={x2 + (x2 > x1 ? -3 : 3)}
                y1={y}
                y2={y}
                className="stroke-current"
                strokeWidth={row.state === 'refused' ? 2.5 : 1.5}
                strokeDasharray={row.state === 'not-reached' ? '5 5' : undefined}
                markerEnd="url(#seq-arrow)"
              />
            )}
            {row.audited && audit !== undefined && (
              <circle cx={audit} cy={y} r={4} className="fill-current" />
            )}
            <text
              x={mid}
              y={y - 7}
              textAnchor={self ? 'start' : 'middle'}
              className="fill-current text-[11px]"
            >
              {label.length > 64 ? `${label.slice(0, 63)}…` : label}
            </text>
          </g>
        )
      })}
    </svg>
  )
}
