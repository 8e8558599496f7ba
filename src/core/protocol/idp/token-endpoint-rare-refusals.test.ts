import { describe, expect, test } from 'vitest'
import type { Reason } from '../errors/reasons.ts'
import { MAX_TOKEN_REQUEST_BYTES } from './parse-token-request.ts'
import { exchangeCase, formRequest, seedForm, sendExchange, type CaseEdit } from './exchange-fixture.ts'

type BreakForm = (form: URLSearchParams) => void

// Refusals no other token-endpoint table reaches: each is asserted by its error code and reason id.
describe('the token endpoint also refuses', () => {
  test.each<[string, CaseEdit, BreakForm, string, number, Reason]>([
    [
      'a requested_lifetime that is not a positive integer (RFC 8693 §2.1)',
      () => {},
      (f) => f.set('requested_lifetime', '0'),
      'invalid_request',
      400,
      'request.invalid_lifetime',
    ],
    [
      'a client_id whose registered workload is not the actor token subject',
      () => {},
      (f) => f.set('client_id', 'a_test_runner'),
      'invalid_request',
      400,
      'client.actor_mismatch',
    ],
    [
      'an actor_token_type the IdP does not accept',
      () => {},
      (f) => f.set('actor_token_type', 'urn:ietf:params:oauth:token-type:saml2'),
      'invalid_request',
      400,
      'exchange.actor_token_type_unsupported',
    ],
    [
      'when policy leaves the new token no lifetime',
      (s) => void (s.policy.maxTtl = 0),
      () => {},
      'invalid_request',
      400,
      'exchange.no_lifetime_left',
    ],
    [
      'a request without scope when no granted scope is allowed at the audience',
      (s) => void (s.user.grantedScopes = ['read:org']),
      (f) => f.delete('scope'),
      'invalid_scope',
      400,
      'exchange.no_scope_available',
    ],
    [
      'a resource outside policy',
      () => {},
      (f) => (f.delete('audience'), f.set('resource', 'https://evil.example.com/')),
      'invalid_target',
      400,
      'target.resource_not_allowed',
    ],
  ])('refuses %s', async (_name, edit, breakForm, code, status, reason) => {
    const { response, body, decision } = await sendExchange(exchangeCase(edit), {
      request: ({ subject, actor }) => {
        const form = seedForm(subject, actor)
        breakForm(form)
        return formRequest(form.toString())
      },
    })
    expect(response.status).toBe(status)
    expect(body.error).toBe(code)
    expect(decision.accepted ? null : decision.error.reason).toBe(reason)
  })

  test('refuses a body over the limit counted in bytes, not characters (RFC 9110 §15.5.14)', async () => {
    // Fewer characters than the limit, but each "é" is two bytes of UTF-8.
    const body = `audience=${'é'.repeat(MAX_TOKEN_REQUEST_BYTES / 2)}`
    expect(body.length).toBeLessThan(MAX_TOKEN_REQUEST_BYTES)
    const { response, decision } = await sendExchange(exchangeCase(), { request: () => formRequest(body) })
    expect(response.status).toBe(413)
    expect(decision.accepted ? null : decision.error.reason).toBe('http.content_too_large')
  })
})
