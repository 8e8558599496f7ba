// `npm run attack -- --target URL`: the resource-side attacks against your resource server, as a table and JUnit XML.
import { writeFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { readKeyFile } from '../keys/key-file.ts'
import { attackJunit, attackTable } from './attack-report.ts'
import { exitCodeOf, runAttacks } from './run-attacks.ts'

const USAGE = `Usage: npm run attack -- --target <URL> [--method GET] [--issuer http://127.0.0.1:8693]
                          [--audience api.github.com] [--scope read:repo] [--keys file] [--junit report.xml]

  --target    your protected endpoint; it must trust the sandbox (--issuer) as its token issuer
  --keys      the sandbox's SANDBOX_KEYS file: needed for the expired, other-audience and scope-less tokens
Exit: 0 every attack refused, 1 an attack accepted (or a 5xx), 2 the issuer or target unreachable or the
genuine token refused, 64 bad arguments.`

function fail(message: string, code: number): never {
  console.error(`attack: ${message}`)
  process.exit(code)
}

let values
try {
  values = parseArgs({
    options: {
      target: { type: 'string' },
      method: { type: 'string', default: 'GET' },
      issuer: { type: 'string', default: 'http://127.0.0.1:8693' },
      audience: { type: 'string', default: 'api.github.com' },
      scope: { type: 'string', default: 'read:repo' },
      keys: { type: 'string' },
      junit: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  }).values
} catch (error) {
  fail(`${(error as Error).message} (see --help)`, 64)
}
if (values.help) {
  console.log(USAGE)
  process.exit(0)
}
if (!values.target || !URL.canParse(values.target)) fail('--target must be an absolute URL (see --help)', 64)
const keys = values.keys ? await readKeyFile(values.keys) : undefined
if (keys && !keys.ok) fail(keys.error, 64)

const run = await runAttacks({
  target: values.target,
  method: values.method.toUpperCase(),
  issuer: values.issuer,
  audience: values.audience,
  scope: values.scope,
  ...(keys?.ok ? { idpKey: keys.keys.idp } : {}),
})
if (!run.ok) fail(run.error, 2)
console.log(attackTable(run.outcomes))
if (values.junit) await writeFile(values.junit, attackJunit(values.target, run.outcomes))
const accepted = run.outcomes.filter(
  (outcome) => outcome.verdict === 'ACCEPTED' || outcome.verdict === 'error',
)
console.log(
  accepted.length === 0
    ? `\nevery attack refused (${run.outcomes.filter((o) => o.verdict === 'refused').length} refused, ${run.outcomes.filter((o) => o.verdict === 'skipped').length} skipped)`
    : `\n${accepted.length} attack(s) not refused: ${accepted.map((outcome) => outcome.attack.id).join(', ')}`,
)
process.exit(exitCodeOf(run))
