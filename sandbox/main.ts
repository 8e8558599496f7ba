#!/usr/bin/env node
// `npm run sandbox`: reads the environment, starts the sandbox, prints what it serves, stops on Ctrl-C.
import { applyConfig, DEFAULT_SETUP } from './config/apply-config.ts'
import { loadConfigFile } from './config/load-config.ts'
import { DEMO_INTROSPECTION_SECRET, readSandboxConfig } from './sandbox-config.ts'
import { ENDPOINTS, INTROSPECTION_CLIENT_ID } from './endpoints.ts'
import { readKeyFile, writeKeyFile } from './keys/key-file.ts'
import { readCli, USAGE } from './read-cli.ts'
import { openSharedState } from './redis/shared-state.ts'
import { printAuditToStdout } from './print-audit.ts'
import { startSandbox } from './start-sandbox.ts'

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/i

/** Stops before anything started: every message on stderr, then a non-zero exit. */
function fail(messages: string[], code = 2): never {
  for (const message of messages) console.error(`sandbox: ${message}`)
  process.exit(code)
}

const command = readCli(process.argv.slice(2), process.env)
if (command.kind === 'error') fail([command.message])
if (command.kind === 'help') {
  console.log(USAGE)
  process.exit(0)
}
if (command.kind === 'generate-keys') {
  await writeKeyFile(command.path).catch((error: NodeJS.ErrnoException) =>
    fail([`cannot write ${command.path}: ${error.code === 'EEXIST' ? 'it already exists' : error.message}`]),
  )
  console.log(`wrote ${command.path} (mode 0600): a private JWKS; start with SANDBOX_KEYS=${command.path}`)
  process.exit(0)
}

const config = readSandboxConfig(process.env)
if (!config.ok) fail([config.error])
const { port, host, introspectionSecret, requireDpop } = config.value

// Everything is read and checked before listening, so a bad setting never leaves a half-started sandbox.
let setup = DEFAULT_SETUP
if (command.configPath !== undefined) {
  const file = await loadConfigFile(command.configPath)
  if (!file.ok) fail(file.errors)
  setup = applyConfig(file.value)
}
const issuer = config.value.issuer ?? setup.issuer
const keyFile = process.env.SANDBOX_KEYS?.trim()
const keys = keyFile ? await readKeyFile(keyFile) : undefined
if (keys && !keys.ok) fail([keys.error])
for (const warning of keys?.warnings ?? []) console.error(`sandbox: warning: ${warning}`)
const redisUrl = process.env.REDIS_URL?.trim()
const shared = redisUrl ? await openSharedState(redisUrl) : undefined
if (shared && !shared.ok) fail([shared.error])
const state = shared?.state

const running = await startSandbox({
  port,
  host,
  ...(issuer ? { issuer } : {}),
  introspectionSecret,
  ...(keys ? { keys: keys.keys } : {}),
  ...(state ? { replay: state.replay, nonces: state.nonces, auditLog: state.auditLog } : {}),
  // REQUIRE_DPOP=1 tightens whatever the configuration says; it never loosens it.
  policy: { ...setup.policy, requireDpop: setup.policy.requireDpop || requireDpop },
  resourceServers: setup.resourceServers,
  testWorkloadIssuer: setup.testWorkloadIssuer,
  foreignWorkloadJwks: setup.foreignWorkloadJwks,
  onAudit: printAuditToStdout().print,
}).catch((error: NodeJS.ErrnoException) => {
  const why = error.code === 'EADDRINUSE' ? `${host}:${port} is already in use (set PORT)` : error.message
  console.error(`sandbox: cannot listen: ${why}`)
  process.exit(1)
})

const width = Math.max(...ENDPOINTS.map((endpoint) => endpoint.path.length))
console.log(`Token exchange sandbox listening on ${running.url}`)
console.log(`issuer ${running.issuer}  (use exactly this base URL: iss, metadata and DPoP htu all name it)`)
const dpopRequired = setup.policy.requireDpop || requireDpop
console.log(
  `policy: ${command.configPath ? `from ${command.configPath}` : "the seed scenario's"}; DPoP ${dpopRequired ? 'required' : 'optional (REQUIRE_DPOP=1 to require it)'}`,
)
console.log('')
for (const { method, path, what, testOnly } of ENDPOINTS)
  console.log(
    `  ${method.padEnd(4)} ${running.issuer}${path.padEnd(width)}  ${testOnly ? 'TEST ONLY: ' : ''}${what}`,
  )
console.log('')
// The demo secret is printed, being public anyway; a secret of your own never is.
const shownSecret =
  introspectionSecret === DEMO_INTROSPECTION_SECRET
    ? `${introspectionSecret} (the demo secret; set INTROSPECTION_SECRET to change it)`
    : '$INTROSPECTION_SECRET'
console.log(`introspection: HTTP Basic, user ${INTROSPECTION_CLIENT_ID}, password ${shownSecret}`)
if (!LOOPBACK.test(host))
  console.log(
    `warning: listening on ${host}, not loopback: the test issuers hand tokens to anyone who can reach it`,
  )
console.log(
  redisUrl
    ? 'Shared state in Redis: DPoP replay cache, nonces, audit log.'
    : 'State in memory (REDIS_URL=redis://… shares it between instances).',
)
console.log(
  `${keyFile ? `Keys from ${keyFile}` : 'Demo keys, made fresh at every start (SANDBOX_KEYS=file keeps them)'}. Audit lines follow. Ctrl-C to stop.`,
)

let stopping = false
const stop = (signal: string) => {
  if (stopping) {
    console.log('sandbox: stopping now')
    process.exit(130)
  }
  stopping = true
  console.log(`\nsandbox: ${signal}, closing (Ctrl-C again to force)`)
  running
    .close()
    .then(() => state?.close())
    .then(
      () => {
        console.log('sandbox: stopped')
        process.exit(0)
      },
      (error: unknown) => {
        console.error('sandbox: error while closing', error)
        process.exit(1)
      },
    )
}
process.on('SIGINT', () => stop('SIGINT'))
process.on('SIGTERM', () => stop('SIGTERM'))
