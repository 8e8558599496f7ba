// The attack run as a table for people and as JUnit XML for CI.
import type { AttackOutcome } from './run-attacks.ts'

const VERDICT_TEXT = {
  refused: 'pass',
  ACCEPTED: 'FAIL: accepted',
  error: 'FAIL: server error',
  skipped: 'skipped',
}

/** attack | what a correct server does | what yours answered | verdict */
export function attackTable(outcomes: AttackOutcome[]): string {
  const rows = [
    ['attack', 'a correct server', 'yours answered', 'verdict'],
    ...outcomes.map(({ attack, answered, verdict }) => [
      attack.name,
      attack.expected,
      answered,
      VERDICT_TEXT[verdict],
    ]),
  ]
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)))
  const line = (row: string[]) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join(' | ')
      .trimEnd()
  return [
    line(rows[0]!),
    widths.map((width) => '-'.repeat(width)).join('-|-'),
    ...rows.slice(1).map(line),
  ].join('\n')
}

const xml = (text: string) =>
  text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  )

/** One test case per attack; an accepted attack is a failure, a server error an error. */
export function attackJunit(target: string, outcomes: AttackOutcome[]): string {
  const count = (verdict: AttackOutcome['verdict']) =>
    outcomes.filter((outcome) => outcome.verdict === verdict).length
  const cases = outcomes.map(({ attack, answered, verdict }) => {
    const open = `    <testcase classname="token-exchange-sandbox.attack" name="${xml(attack.name)}">`
    const body =
      verdict === 'ACCEPTED'
        ? `\n      <failure message="${xml(`accepted: ${answered}`)}">${xml(`A correct server: ${attack.expected}`)}</failure>\n    `
        : verdict === 'error'
          ? `\n      <error message="${xml(answered)}">${xml(`A correct server: ${attack.expected}`)}</error>\n    `
          : verdict === 'skipped'
            ? `\n      <skipped message="${xml(answered)}"/>\n    `
            : ''
    return `${open}${body}</testcase>`
  })
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites>`,
    `  <testsuite name="${xml(`attacks on ${target}`)}" tests="${outcomes.length}" failures="${count('ACCEPTED')}" errors="${count('error')}" skipped="${count('skipped')}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n')
}
