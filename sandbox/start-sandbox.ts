// Serves the sandbox over real HTTP on Node (node:http through a small bridge), and stops it cleanly.
import { createServer, type RequestListener } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createKeyRing, type KeyRing } from '../src/core/protocol/keys/key-ring.ts'
import { createSandbox, type Sandbox, type SandboxOptions } from './create-sandbox.ts'
import { nodeHttpBridge } from './node-http-bridge.ts'

export interface StartOptions extends Omit<SandboxOptions, 'baseUrl' | 'keys'> {
  /** 0 picks a free port. */
  port: number
  host: string
  /** The public base URL, when clients reach the sandbox through another URL (a proxy, a tunnel). */
  issuer?: string
  /** Made fresh when absent, as every start makes new demo keys. */
  keys?: KeyRing
  /** How long in-flight requests may finish after `close()` before their connections are cut. */
  graceMs?: number
}

export interface RunningSandbox {
  /** Where it listens. */
  url: string
  /** The issuer and base URL clients must use; `url` unless `issuer` was given. */
  issuer: string
  sandbox: Sandbox
  keys: KeyRing
  close(): Promise<void>
}

/** `http://host:port` for a listening address; any-address binds are named by their loopback. */
function listeningUrl(host: string, address: AddressInfo): string {
  const name = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host
  return `http://${name.includes(':') ? `[${name}]` : name}:${address.port}`
}

/**
 * Starts the sandbox: listens, then takes its issuer from the address it got (or from `issuer`), so
 * `iss`, the metadata and DPoP `htu` all name the URL clients use. Rejects if it can't listen.
 */
export async function startSandbox(options: StartOptions): Promise<RunningSandbox> {
  const keys = options.keys ?? (await createKeyRing())
  // Nothing is served before the issuer is known; a request in that instant is told to retry.
  let listener: RequestListener = (_request, response) => {
    response.writeHead(503, { 'retry-after': '1', 'content-length': 0 }).end()
  }
  const server = createServer(
    { requestTimeout: 30_000, headersTimeout: 10_000, keepAliveTimeout: 5_000 },
    (request, response) => listener(request, response),
  )
  // Node stops parsing header fields past maxHeadersCount (2,000 entries, about 1,000 fields) and hands
  // the request on without them: a second DPoP or Authorization field placed after 1,000 fillers would
  // be hidden from the "exactly one DPoP header" check (RFC 9449 §4.3 (1)). 0 lifts the count, so every
  // field is seen; the header section stays bounded by Node's size limit (16 KiB, answered 431).
  server.maxHeadersCount = 0
  server.keepAliveTimeout = 5_000
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve)
    server.once('error', reject)
    server.listen(options.port, options.host)
  })
  const url = listeningUrl(options.host, server.address() as AddressInfo)
  const issuer = options.issuer ?? url
  // Instances sharing one audit log (Redis) are told apart by where they listen.
  const sandbox = createSandbox({
    ...options,
    baseUrl: issuer,
    keys,
    ...(options.auditLog ? { instance: url } : {}),
  })
  listener = nodeHttpBridge(sandbox, issuer)

  const close = () =>
    new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()))
      server.closeIdleConnections()
      setTimeout(() => server.closeAllConnections(), options.graceMs ?? 2_000).unref()
    })
  return { url, issuer, sandbox, keys, close }
}
