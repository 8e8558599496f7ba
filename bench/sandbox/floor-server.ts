// The throughput floor: a bare node:http server doing exactly the crypto of one exchange-then-call
// sequence (1 sign + 5 verifies, with jose) and next to nothing else: no framework, no policy, no audit.
import { createHash, randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  calculateJwkThumbprint,
  EmbeddedJWK,
  generateKeyPair,
  jwtVerify,
  SignJWT,
  type CryptoKey,
  type JWK,
} from 'jose'

export interface FloorServer {
  url: string
  close(): Promise<void>
}

const ES256 = { alg: 'ES256' } as const
const now = () => Math.floor(Date.now() / 1000)

async function readBody(request: IncomingMessage): Promise<string> {
  let body = ''
  request.setEncoding('utf8')
  for await (const chunk of request) body += chunk as string
  return body
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  })
  response.end(text)
}

/** A DPoP proof's signature (jose, key from its own `jwk` header) and the claims it binds (RFC 9449 §4.3). */
async function verifyProof(proof: string, htm: string, htu: string, accessToken?: string) {
  const { payload, protectedHeader } = await jwtVerify(proof, EmbeddedJWK, {
    typ: 'dpop+jwt',
    algorithms: ['ES256'],
  })
  const fresh = Math.abs(now() - (payload.iat ?? 0)) <= 60
  const ath = accessToken ? createHash('sha256').update(accessToken).digest('base64url') : undefined
  if (payload.htm !== htm || payload.htu !== htu || !fresh || typeof payload.jti !== 'string')
    throw new Error('proof claims')
  if (ath !== undefined && payload.ath !== ath) throw new Error('ath')
  return calculateJwkThumbprint(protectedHeader.jwk as JWK)
}

/**
 * Starts the floor on 127.0.0.1 and a free port. Its routes mirror the sandbox's, so the same load client
 * drives both: `/demo/subject-token` and `/demo/actor-token` (called once per client, before measuring),
 * `POST /token` (verify subject token, actor token and DPoP proof; sign the access token) and
 * `GET /api/repos/…` (verify the access token and its DPoP proof).
 */
export async function startFloorServer(): Promise<FloorServer> {
  const idp = await generateKeyPair('ES256')
  const workload = await generateKeyPair('ES256')
  let origin = ''
  const mint = (key: CryptoKey, claims: Record<string, unknown>, iss: string) =>
    new SignJWT(claims)
      .setProtectedHeader(ES256)
      .setIssuer(iss)
      .setAudience(origin)
      .setIssuedAt()
      .setExpirationTime('1h')
      .setJti(randomUUID())
      .sign(key)

  const routes: Record<string, (request: IncomingMessage, body: string) => Promise<[number, unknown]>> = {
    'POST /demo/subject-token': async () => [
      200,
      {
        subject_token: await mint(
          idp.privateKey,
          { sub: 'u_marwan', scope: 'read:repo write:issues' },
          origin,
        ),
      },
    ],
    'POST /demo/actor-token': async () => [
      200,
      {
        actor_token: await mint(
          workload.privateKey,
          { sub: 'spiffe://floor/agent' },
          'https://workload.floor',
        ),
      },
    ],
    'POST /token': async (request, body) => {
      const form = new URLSearchParams(body)
      const subject = await jwtVerify(form.get('subject_token') ?? '', idp.publicKey, { issuer: origin })
      const actor = await jwtVerify(form.get('actor_token') ?? '', workload.publicKey)
      const jkt = await verifyProof(String(request.headers.dpop), 'POST', `${origin}/token`)
      const claims = {
        sub: subject.payload.sub,
        act: { sub: actor.payload.sub },
        scope: form.get('scope'),
        cnf: { jkt },
      }
      const accessToken = await new SignJWT(claims)
        .setProtectedHeader({ ...ES256, typ: 'at+jwt' })
        .setIssuer(origin)
        .setAudience(form.get('audience') ?? '')
        .setIssuedAt()
        .setExpirationTime('10m')
        .setJti(randomUUID())
        .sign(idp.privateKey)
      return [200, { access_token: accessToken, token_type: 'DPoP', expires_in: 600 }]
    },
  }

  const resource = async (request: IncomingMessage): Promise<[number, unknown]> => {
    const token = String(request.headers.authorization ?? '').replace(/^DPoP /, '')
    const { payload } = await jwtVerify(token, idp.publicKey, { issuer: origin, typ: 'at+jwt' })
    const jkt = await verifyProof(String(request.headers.dpop), 'GET', `${origin}${request.url}`, token)
    if ((payload.cnf as { jkt?: string } | undefined)?.jkt !== jkt) throw new Error('cnf.jkt')
    if (!String(payload.scope).split(' ').includes('read:repo')) return [403, { error: 'insufficient_scope' }]
    return [200, { repository: request.url?.slice('/api/repos/'.length), visibility: 'private' }]
  }

  const server = createServer((request, response) => {
    void (async () => {
      const body = await readBody(request)
      const route = routes[`${request.method} ${request.url}`]
      try {
        const [status, answer] = route
          ? await route(request, body)
          : request.method === 'GET' && request.url?.startsWith('/api/repos/')
            ? await resource(request)
            : [404, { error: 'not_found' }]
        send(response, status, answer)
      } catch (error) {
        send(response, 400, { error: 'invalid_request', error_description: (error as Error).message })
      }
    })()
  })
  server.keepAliveTimeout = 5_000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url: origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
