// Region "Narrowing": for scope, aud and lifetime, the subject token's value, the request, policy and what was issued.
import { useMemo } from 'react'
import { narrowingLedger, type Run } from '../../core/playground/index.ts'
import { Code, Pane } from '../components/Pane.tsx'

const COLUMNS = ['Subject token', 'Requested', 'Policy allows', 'Issued'] as const

export function NarrowingPane({ run }: { run: Run }) {
  const rows = useMemo(() => narrowingLedger(run), [run])
  return (
    <Pane
      id="narrowing"
      title="Narrowing"
      note={
        <>
          What the exchange cut (RFC 8693 §2.1): the issued token is never broader than the user’s, nor than
          policy allows.
        </>
      }
    >
      <table className="w-full table-fixed border-collapse text-left text-xs/5">
        <caption className="sr-only">Narrowing ledger</caption>
        <thead>
          <tr className="text-slate-500 dark:text-slate-400">
            <th scope="col" className="w-20 pb-1 font-medium">
              Claim
            </th>
            {COLUMNS.map((name) => (
              <th key={name} scope="col" className="pb-1 font-medium">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        {rows.map((row) => (
          <tbody key={row.claim} className="border-t border-slate-100 dark:border-slate-800">
            <tr className="align-top">
              <th scope="row" className="pt-1.5 font-normal">
                <Code>{row.claim === 'exp' ? 'lifetime' : row.claim}</Code>
              </th>
              {[row.subject, row.requested, row.allowed, row.issued].map((value, i) => (
                <td
                  key={i}
                  className={`pt-1.5 pr-2 font-mono break-words ${i === 3 && row.narrowed ? 'font-semibold text-green-800 dark:text-green-300' : ''}`}
                >
                  {value}
                </td>
              ))}
            </tr>
            <tr>
              <td colSpan={5} className="pb-1.5 text-slate-600 dark:text-slate-400">
                Rule: {row.rule}
              </td>
            </tr>
          </tbody>
        ))}
      </table>
    </Pane>
  )
}
