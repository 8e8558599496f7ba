// The bench's one table, as plain text: one row per figure, each against its floor and its target.

export interface Row {
  figure: string
  median: string
  p95: string
  floor: string
  ratio: string
  target: string
  status: string
}

const HEADER: Row = {
  figure: 'figure',
  median: 'median',
  p95: 'p95',
  floor: 'floor',
  ratio: 'ratio',
  target: 'target',
  status: 'status',
}
const COLUMNS = Object.keys(HEADER) as (keyof Row)[]

/** A Markdown table whose columns line up in a terminal too. */
export function formatTable(rows: Row[]): string {
  const all = [HEADER, ...rows]
  const width = (column: keyof Row) => Math.max(...all.map((row) => row[column].length))
  const widths = COLUMNS.map(width)
  const line = (row: Row) => `| ${COLUMNS.map((column, i) => row[column].padEnd(widths[i]!)).join(' | ')} |`
  const rule = `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`
  return [line(HEADER), rule, ...rows.map(line)].join('\n')
}

export const ms = (value: number) => `${value.toFixed(2)} ms`
export const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`
export const times = (ratio: number) => `${ratio.toFixed(2)}×`
