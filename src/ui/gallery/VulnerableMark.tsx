// The mark on anything a vulnerable server (one with a defence switched off) accepted or wrote.
import type { Run } from '../../core/playground/index.ts'
import { defencesOffText } from './vulnerable-run.ts'

export function VulnerableMark({ run }: { run: Run }) {
  return (
    <span
      role="note"
      aria-label="Vulnerable server"
      className="inline-flex items-center gap-1 rounded-sm bg-red-600 px-1.5 py-0.5 text-[0.68rem] font-bold tracking-wide text-white"
    >
      VULNERABLE SERVER <span className="font-normal normal-case">(defence off: {defencesOffText(run)})</span>
    </span>
  )
}
