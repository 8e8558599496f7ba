// Gets a genuine delegated DPoP-bound token from the sandbox, checks the target accepts it, then sends each attack.
import { createDpopProof } from '../../src/core/protocol/dpop/create-proof.ts'
import { accessTokenHash } from '../../src/core/protocol/dpop/thumbprint.ts'
import { createSigningKey, type SigningKey } from '../../src/core/protocol/keys/key-ring.ts'
import { TOKEN_TYPE } from '../../src/core/protocol/tokens/token-types.ts'
import { CODE_REVIEWER, TOKEN_EXCHANGE_GRANT } from '../../src/core/playground/scenario/seed-scenario.ts'
import { ATTACKS, type Attack, type AttackContext } from './attacks.ts'

export interface AttackRunOptions {
  target: string
  method: string
  /** The sandbox the target trusts as its issuer. */
  issuer: string
  audience: string
  scope: string
  /** The sandbox's IdP key (SANDBOX_KEYS), for the attacks that need tokens only the IdP can sign. */
  idpKey?: SigningKey
}

export type Verdict = 'refused' | 'ACCEPTED' | 'error' | 'skipped'

export interface AttackOutcome {
  attack: Attack
  answered: string
  verdict: Verdict
}

export type AttackRun =
  | { ok: true; outcomes: AttackOutcome[] }
  /** The run couldn't happen: the issuer or target unreachable, or the genuine request refused. */
  | { ok: false; error: string }

class Unreachable extends Error {}

async function send(url: string, init: RequestInit, what: string): Promise<Response> {
  try {
    return await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(10_000) })
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message
    throw new Unreachable(`${what} ${new URL(url).origin} is unreachable (${cause})`)
  }
}

/** `401 invalid_token`: the status and the error code from the JSON body or the WWW-Authenticate challenge. */
async function describeAnswer(response: Response): Promise<string> {
  const text = await response.text()
  let code: unknown
  try {
    code = (JSON.parse(text) as { error?: unknown }).error
  } catch {
    code = undefined
  }
  if (typeof code !== 'string')
    code = /error="([^"]+)"/.exec(response.headers.get('www-authenticate') ?? '')?.[1]
  return typeof code === 'string' ? `${response.status} ${code}` : String(response.status)
}

const verdictOf = (status: number): Verdict =>
  status >= 200 && status < 400 ? 'ACCEPTED' : status >= 400 && status < 500 ? 'refused' : 'error'

/** The genuine exchange at the sandbox (RFC 8693 with DPoP, answering a nonce challenge once). */
async function genuineToken(options: AttackRunOptions, agentKey: SigningKey): Promise<string> {
  const issuer = options.issuer.replace(/\/$/, '')
  const demo = async (path: string, body: Record<string, string>, field: string) => {
    const response = await send(
      `${issuer}${path}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      },
      'the issuer',
    )
    const json = (await response.json()) as Record<string, unknown>
    if (!response.ok) throw new Error(`the issuer's ${path} refused: ${String(json.error_description)}`)
    return json[field] as string
  }
  const subject = await demo(
    '/demo/subject-token',
    { sub: 'u_marwan', scope: options.scope },
    'subject_token',
  )
  const actor = await demo('/demo/actor-token', { spiffe_id: CODE_REVIEWER }, 'actor_token')
  const form = new URLSearchParams({
    grant_type: TOKEN_EXCHANGE_GRANT,
    subject_token: subject,
    subject_token_type: TOKEN_TYPE.accessToken,
    actor_token: actor,
    actor_token_type: TOKEN_TYPE.jwt,
    audience: options.audience,
    scope: options.scope,
  })
  let nonce: string | undefined
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const proof = await createDpopProof(agentKey, {
      htm: 'POST',
      htu: `${issuer}/token`,
      iat: Math.floor(Date.now() / 1000),
      ...(nonce ? { nonce } : {}),
    })
    const response = await send(
      `${issuer}/token`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', dpop: proof },
        body: form,
      },
      'the issuer',
    )
    const json = (await response.json()) as Record<string, unknown>
    if (response.ok) return json.access_token as string
    nonce = response.headers.get('dpop-nonce') ?? undefined
    if (json.error !== 'use_dpop_nonce' || !nonce)
      throw new Error(
        `the sandbox refused the genuine exchange: ${String(json.error)} ${String(json.error_description)}`,
      )
  }
  throw new Error('the sandbox kept asking for a new DPoP nonce')
}

/** Runs every attack in order against `target`; the first request is the genuine one. */
export async function runAttacks(options: AttackRunOptions): Promise<AttackRun> {
  try {
    const target = new URL(options.target)
    const [agentKey, thiefKey] = await Promise.all([createSigningKey(), createSigningKey()])
    const token = await genuineToken(options, agentKey)
    const nowSeconds = Math.floor(Date.now() / 1000)
    const acceptedProof = await createDpopProof(agentKey, {
      htm: options.method,
      htu: `${target.origin}${target.pathname}`,
      iat: nowSeconds,
      ath: await accessTokenHash(token),
    })
    const genuine = await send(
      target.href,
      {
        method: options.method,
        headers: { authorization: `DPoP ${token}`, dpop: acceptedProof },
      },
      'the target',
    )
    if (!genuine.ok)
      return {
        ok: false,
        error: `the target refused the genuine token (${await describeAnswer(genuine)}): does it trust ${options.issuer} as its issuer, with audience ${options.audience} and scope ${options.scope}?`,
      }
    await genuine.body?.cancel()
    const ctx: AttackContext = {
      target,
      method: options.method,
      token,
      agentKey,
      thiefKey,
      idpKey: options.idpKey,
      acceptedProof,
      nowSeconds,
    }
    const outcomes: AttackOutcome[] = []
    for (const attack of ATTACKS) {
      const request = await attack.build(ctx)
      if (request === null) {
        outcomes.push({
          attack,
          answered: 'not sent: needs --keys (the sandbox keys file)',
          verdict: 'skipped',
        })
        continue
      }
      const response = await send(
        request.url,
        { method: request.method, headers: request.headers },
        'the target',
      )
      outcomes.push({ attack, answered: await describeAnswer(response), verdict: verdictOf(response.status) })
    }
    return { ok: true, outcomes }
  } catch (error) {
    return { ok: false, error: (error as Error).message }
  }
}

/** 0: every attack refused; 1: one accepted (or the server failed); 2: the run couldn't happen. */
export function exitCodeOf(run: AttackRun): 0 | 1 | 2 {
  if (!run.ok) return 2
  return run.outcomes.some((outcome) => outcome.verdict === 'ACCEPTED' || outcome.verdict === 'error') ? 1 : 0
}
