// Works out which registered OAuth client is asking, from `client_id` and the actor token.
import { fail, ok, oauthError, type Result } from '../errors/oauth-error.ts'
import type { CheckLog } from '../trace/check-log.ts'
import { checkRecorder } from '../trace/check-recorder.ts'
import type { ExchangePolicy, RegisteredClient } from './exchange-policy.ts'

/**
 * The agent is a public client (RFC 6749 §2.1): `client_id` names it, the actor token proves its
 * workload identity, and DPoP proves it holds the key. With an actor token, `client_id` may be
 * left out and is found in the registry; when both are sent they must name the same workload.
 * @see RFC 6749 §3.2.1, §5.2 (invalid_client), RFC 8693 §2.1
 */
export function identifyClient(
  clientId: string | null,
  actorSub: string | null,
  policy: ExchangePolicy,
  log: CheckLog,
): Result<RegisteredClient> {
  const record = checkRecorder(log)
  // A client_id that is sent must name a registered client itself: falling back to the actor token's
  // client would answer an unknown client_id with a token issued to someone else (RFC 6749 §5.2).
  const client =
    clientId !== null
      ? policy.clients.find((registered) => registered.clientId === clientId)
      : actorSub !== null
        ? policy.clients.find((registered) => registered.spiffeId === actorSub)
        : undefined
  if (!client) {
    const who =
      clientId !== null
        ? `client "${clientId}"`
        : actorSub !== null
          ? `workload ${actorSub}`
          : 'an unnamed client'
    const unknown = oauthError('client.unknown', `Unknown client: ${who} is not registered`, {
      explanation: `The IdP's client registry has no entry for ${who}, so it cannot tell who is asking.`,
    })
    return fail(record.refuse({ label: 'client is registered', spec: 'RFC 6749 §5.2' }, unknown, who))
  }
  if (actorSub !== null && client.spiffeId !== actorSub) {
    const mismatch = oauthError(
      'client.actor_mismatch',
      `actor_token "sub" ${actorSub} is not the workload registered for client "${client.clientId}"`,
      {
        explanation: `Client ${client.clientId} is registered as ${client.spiffeId}; an actor token for another workload cannot speak for it.`,
      },
    )
    const rule = { label: 'actor_token names the workload registered for client_id', spec: 'RFC 8693 §2.2.2' }
    return fail(record.refuse(rule, mismatch, `${client.clientId} is ${client.spiffeId}`))
  }
  record.pass(
    { label: 'client is registered', spec: 'RFC 6749 §2.2' },
    `${client.clientId} = ${client.spiffeId}`,
  )
  return ok(client)
}
