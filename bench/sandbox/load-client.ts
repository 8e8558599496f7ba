// The load client: N concurrent keep-alive clients running exchange-then-call sequences (each with its own
// DPoP key, signing both proofs itself) or plain client_credentials mints, for a warm-up and then a window.
import { createHash, randomUUID } from 'node:crypto'
import { Agent, request as httpRequest } from 'node:http'
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose'
import { summarize, type Summary } from '../stats.ts'

/** `sequence`: exchange with DPoP, then call the resource with DPoP. `mint`: one client_credentials token. */
export type LoadKind = 'sequence' | 'mint'

export interface LoadOptions {
  kind: LoadKind
  /** Base URLs; client i talks to `targets[i % targets.length]` for all its sequences. */
  targets: string[]
  clients: number
  warmupMs: number
  windowMs: number
  /** Stop each client after this many sequences in the window (for tests); unbounded by default. */
  maxPerClient?: number
  /** Called when the measured window opens and when it closes (the bench samples server CPU then). */
  onWindow?: (edge: 'start' | 'end') => void
}

export interface LoadResult {
  kind: LoadKind
  clients: number
  /** Sequences (or mints) whose every response was a 200, finished inside the window. */
  ok: number
  /** Sequences that got anything else, by the first non-200 status (`network` for a broken connection). */
  failed: Record<string, number>
  /** One example body of a failure, to say why. */
  failure?: string
  windowMs: number
  perSecond: number
  latency: Summary
}

interface Reply {
  status: number
  body: string
}

const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange'
const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token'
const JWT_TYPE = 'urn:ietf:params:oauth:token-type:jwt'
const RESOURCE_PATH = '/api/repos/marwan/playground'

class Refused extends Error {
  constructor(readonly reply: Reply) {
    super(`HTTP ${reply.status}`)
  }
}

function send(agent: Agent, method: string, url: string, headers: Record<string, string>, body?: string) {
  return new Promise<Reply>((resolve, reject) => {
    const outgoing = httpRequest(url, { method, agent, headers }, (response) => {
      let text = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (text += chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }))
      response.on('error', reject)
    })
    outgoing.on('error', reject)
    outgoing.end(body)
  })
}

const FORM = { 'content-type': 'application/x-www-form-urlencoded' }

async function expect200(reply: Promise<Reply>): Promise<Reply> {
  const settled = await reply
  if (settled.status !== 200) throw new Refused(settled)
  return settled
}

/** One client's view of one target: its DPoP key and the demo tokens its user and agent hold. */
async function prepare(agent: Agent, base: string, kind: LoadKind) {
  if (kind === 'mint') return { base, key: null, jwk: null, subject: '', actor: '' }
  const { privateKey, publicKey } = await generateKeyPair('ES256')
  const jwk = await exportJWK(publicKey)
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString()
  const subject = await expect200(
    send(
      agent,
      'POST',
      `${base}/demo/subject-token`,
      FORM,
      form({ sub: 'u_marwan', scope: 'read:repo write:issues' }),
    ),
  )
  const actor = await expect200(
    send(
      agent,
      'POST',
      `${base}/demo/actor-token`,
      FORM,
      form({ spiffe_id: 'spiffe://prod/agent/code-reviewer/v3', attestation: 'github-oidc' }),
    ),
  )
  return {
    base,
    key: privateKey,
    jwk,
    subject: (JSON.parse(subject.body) as { subject_token: string }).subject_token,
    actor: (JSON.parse(actor.body) as { actor_token: string }).actor_token,
  }
}

/** A DPoP proof for one request, signed by the client's own key (RFC 9449 §4.2). */
function proof(key: CryptoKey, jwk: JWK, htm: string, htu: string, accessToken?: string): Promise<string> {
  const ath = accessToken ? createHash('sha256').update(accessToken).digest('base64url') : undefined
  return new SignJWT({ htm, htu, jti: randomUUID(), ...(ath ? { ath } : {}) })
    .setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk })
    .setIssuedAt()
    .sign(key)
}

type Prepared = Awaited<ReturnType<typeof prepare>>

/** One exchange-then-call sequence (or one mint); throws `Refused` on the first non-200. */
async function once(agent: Agent, kind: LoadKind, p: Prepared): Promise<void> {
  if (kind === 'mint') {
    const body = new URLSearchParams({ grant_type: 'client_credentials', scope: 'read:repo' }).toString()
    await expect200(send(agent, 'POST', `${p.base}/token`, FORM, body))
    return
  }
  const body = new URLSearchParams({
    grant_type: TOKEN_EXCHANGE,
    client_id: 'a_code_reviewer',
    subject_token: p.subject,
    subject_token_type: ACCESS_TOKEN_TYPE,
    actor_token: p.actor,
    actor_token_type: JWT_TYPE,
    audience: 'api.github.com',
    scope: 'read:repo write:issues',
  }).toString()
  const tokenUrl = `${p.base}/token`
  const issued = await expect200(
    send(agent, 'POST', tokenUrl, { ...FORM, dpop: await proof(p.key!, p.jwk!, 'POST', tokenUrl) }, body),
  )
  const { access_token: accessToken } = JSON.parse(issued.body) as { access_token: string }
  const resource = `${p.base}${RESOURCE_PATH}`
  await expect200(
    send(agent, 'GET', resource, {
      authorization: `DPoP ${accessToken}`,
      dpop: await proof(p.key!, p.jwk!, 'GET', resource, accessToken),
    }),
  )
}

/**
 * Runs the load: every client loops until the window closes; only what finishes inside the window counts,
 * and a sequence counts as done only when both its responses were 200s.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { kind, targets, clients, warmupMs, windowMs } = options
  const agent = new Agent({ keepAlive: true, maxSockets: clients })
  const prepared = await Promise.all(
    Array.from({ length: clients }, (_, i) => prepare(agent, targets[i % targets.length]!, kind)),
  )
  const started = performance.now()
  const windowStart = started + warmupMs
  const windowEnd = windowStart + windowMs
  const edges = [
    setTimeout(() => options.onWindow?.('start'), warmupMs),
    setTimeout(() => options.onWindow?.('end'), warmupMs + windowMs),
  ]
  const latencies: number[] = []
  const failed: Record<string, number> = {}
  let failure: string | undefined
  const client = async (p: Prepared) => {
    let done = 0
    for (;;) {
      const begin = performance.now()
      if (begin >= windowEnd || done >= (options.maxPerClient ?? Infinity)) return
      let status = '200'
      try {
        await once(agent, kind, p)
      } catch (error) {
        // A refusal is counted by its status; a broken connection too, as `network`.
        status = error instanceof Refused ? String(error.reply.status) : 'network'
        failure ??= error instanceof Refused ? error.reply.body.slice(0, 300) : String(error)
      }
      const end = performance.now()
      if (begin < windowStart || end > windowEnd) continue
      done += 1
      if (status === '200') latencies.push(end - begin)
      else failed[status] = (failed[status] ?? 0) + 1
    }
  }
  await Promise.all(prepared.map(client))
  edges.forEach(clearTimeout)
  agent.destroy()
  // With maxPerClient the window can close early; the rate is over the time actually measured.
  const measuredMs = Math.min(windowMs, Math.max(1, performance.now() - windowStart))
  return {
    kind,
    clients,
    ok: latencies.length,
    failed,
    ...(failure === undefined ? {} : { failure }),
    windowMs: measuredMs,
    perSecond: (latencies.length * 1000) / measuredMs,
    latency: summarize(latencies),
  }
}
