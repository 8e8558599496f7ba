import { describe, expect, test } from 'vitest'
import type { Reason } from '../errors/reasons.ts'
import { createDpopProof } from '../dpop/create-proof.ts'
import { DEPLOY_BOT, IDP_ISSUER, TEST_RUNNER } from './exchange-case.fixture.ts'
import { exchangeCase, formRequest, NOW, seedForm, sendExchange, type CaseEdit } from './exchange-fixture.ts'

describe('the token endpoint refuses in RFC terms', () => {
  test.each<[string, CaseEdit, string, number, Reason]>([
    [
      'an audience outside policy',
      (s) => void (s.request.audiences = ['evil.example.com']),
      'invalid_target',
      400,
      'target.audience_not_allowed',
    ],
    [
      'a resource that is not an absolute URI',
      (s) => void ((s.request.audiences = []), (s.request.resources = ['api.github.com'])),
      'invalid_target',
      400,
      'target.resource_not_absolute',
    ],
    [
      'a resource with a fragment',
      (s) => void ((s.request.audiences = []), (s.request.resources = ['https://api.github.com/#x'])),
      'invalid_target',
      400,
      'target.resource_has_fragment',
    ],
    [
      'no audience or resource at all',
      (s) => void (s.request.audiences = []),
      'invalid_target',
      400,
      'target.missing',
    ],
    [
      'a scope the user never granted',
      (s) => void (s.request.scope = 'read:repo delete:repo'),
      'invalid_scope',
      400,
      'exchange.scope_not_granted',
    ],
    [
      'a granted scope policy does not allow at the audience',
      (s) => void (s.request.scope = 'read:repo write:repo'),
      'invalid_scope',
      400,
      'exchange.scope_not_allowed',
    ],
    [
      'a scope token with a forbidden character',
      (s) => void (s.request.scope = 'read:repo "x"'),
      'invalid_scope',
      400,
      'scope.malformed',
    ],
    [
      'an agent policy does not let act for this user',
      (s) => void (s.user.sub = 'u_alice'),
      'invalid_request',
      400,
      'exchange.delegation_not_allowed',
    ],
    [
      'an actor may_act does not name',
      (s) => void (s.user.mayAct = DEPLOY_BOT),
      'invalid_request',
      400,
      'exchange.may_act_mismatch',
    ],
    [
      'an actor token from an untrusted issuer',
      (s) => void (s.actor.issuer = 'https://attacker.example'),
      'invalid_request',
      400,
      'exchange.actor_issuer_untrusted',
    ],
    [
      'an expired subject token',
      (s) => void (s.user.subjectTokenTtl = 10),
      'invalid_request',
      400,
      'token.expired',
    ],
    ['an expired actor token', (s) => void (s.actor.tokenTtl = -60), 'invalid_request', 400, 'token.expired'],
    [
      'an unregistered workload',
      (s) => void (s.actor.spiffeId = 'spiffe://prod/agent/unknown/v1'),
      'invalid_client',
      401,
      'client.unknown',
    ],
    [
      'an unsupported requested_token_type',
      (s) => void (s.request.requestedTokenType = 'urn:ietf:params:oauth:token-type:id_token'),
      'invalid_request',
      400,
      'exchange.requested_token_type_unsupported',
    ],
    [
      'impersonation when policy requires an actor token',
      (s) => void ((s.request.sendActorToken = false), (s.policy.requireActorToken = true)),
      'invalid_request',
      400,
      'exchange.actor_token_required',
    ],
    [
      'a chain longer than policy allows',
      (s) => void ((s.policy.maxChainDepth = 1), (s.user.priorActors = [{ sub: TEST_RUNNER }])),
      'invalid_request',
      400,
      'exchange.chain_too_deep',
    ],
    [
      'a bearer request when policy requires DPoP',
      (s) => void ((s.request.dpop = false), (s.policy.requireDpop = true)),
      'invalid_dpop_proof',
      400,
      'dpop.missing',
    ],
  ])('refuses %s', async (_name, edit, code, status, reason) => {
    const { decision, response, body, audits } = await sendExchange(exchangeCase(edit))
    expect(response.status).toBe(status)
    expect(body.error).toBe(code)
    expect(decision.accepted ? null : decision.error.reason).toBe(reason)
    expect(audits).toEqual([
      expect.objectContaining({ decision: 'deny', denial: expect.objectContaining({ error: code }) }),
    ])
  })

  test('asks for a nonce when policy requires one, and says which in DPoP-Nonce', async () => {
    const { response, body } = await sendExchange(
      exchangeCase((s) => void (s.policy.requireDpopNonce = true)),
    )
    expect(response.status).toBe(400)
    expect(body.error).toBe('use_dpop_nonce')
    expect(response.headers.get('dpop-nonce')).toMatch(/^[A-Za-z0-9_-]{16,}$/)
  })

  test('refuses a DPoP proof made for another URL', async () => {
    const { body } = await sendExchange(exchangeCase(), {
      request: async ({ subject, actor, keys }) =>
        formRequest(seedForm(subject, actor).toString(), {
          dpop: await createDpopProof(keys.agentDpop, { htm: 'POST', htu: `${IDP_ISSUER}/token2`, iat: NOW }),
        }),
    })
    expect(body).toMatchObject({
      error: 'invalid_dpop_proof',
      error_description: expect.stringMatching(/htu/),
    })
  })

  test.each([
    ['with an actor token', true],
    ['without an actor token', false],
  ])('refuses a client_id no client is registered under, %s, as invalid_client', async (_, withActor) => {
    const { response, body, checks } = await sendExchange(exchangeCase(), {
      request: ({ subject, actor }) => {
        const form = seedForm(subject, withActor ? actor : null)
        form.set('client_id', 'evil_client')
        return formRequest(form.toString())
      },
    })
    expect(response.status).toBe(401)
    expect(body).toEqual({
      error: 'invalid_client',
      error_description: 'Unknown client: client "evil_client" is not registered',
    })
    expect(checks.at(-1)).toMatchObject({
      ok: false,
      label: 'client is registered',
      spec: 'RFC 6749 §5.2',
      detail: 'client "evil_client"',
    })
    expect(checks.some((check) => check.ok && check.label === 'client is registered')).toBe(false)
  })

  test('records each check it made, with the failed one last', async () => {
    const { checks } = await sendExchange(
      exchangeCase((s) => void (s.request.audiences = ['evil.example.com'])),
    )
    expect(checks.at(-1)).toMatchObject({
      by: 'idp',
      ok: false,
      label: 'audience/resource within policy',
      spec: 'RFC 8693 §2.1, RFC 8707 §2',
    })
    expect(checks.slice(0, -1).every((check) => check.ok)).toBe(true)
  })
})
