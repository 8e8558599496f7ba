import { decodeJwt } from 'jose'
import { describe, expect, test } from 'vitest'
import { exchangeCase, sendExchange } from './exchange-fixture.ts'

const profileOn = { actorSubProfile: 'ai_agent' as const }

describe('the delegation IdP with the actor profile switched on', () => {
  test('adds sub_profile to the new act and records every profile rule as passed', async () => {
    const { response, body, checks } = await sendExchange(
      exchangeCase((s) => {
        s.policy.actorProfile = profileOn
      }),
    )
    expect(response.status).toBe(200)
    const claims = decodeJwt(String(body.access_token))
    expect(claims.act).toMatchObject({ sub_profile: 'ai_agent' })
    expect(typeof (claims.act as Record<string, unknown>).iss).toBe('string')
    const profile = checks.filter((check) => check.label.startsWith('actor profile:'))
    expect(profile).toHaveLength(5)
    expect(profile.every((check) => check.ok)).toBe(true)
  })

  test('refuses a chain whose earlier actor has no sub_profile, naming the rule', async () => {
    const { response, body, checks } = await sendExchange(
      exchangeCase((s) => {
        s.policy.actorProfile = profileOn
        s.user.priorActors = [{ sub: 'spiffe://prod/agent/earlier', iss: 'https://spire.example' }]
      }),
    )
    expect(response.status).toBe(400)
    expect(body.error).toBe('invalid_request')
    expect(checks.find((check) => !check.ok)?.label).toBe(
      'actor profile: every act says what the actor is (sub_profile: ai_agent, service or user)',
    )
  })

  test('leaves act as before with the switch off', async () => {
    const { body } = await sendExchange(exchangeCase())
    expect((decodeJwt(String(body.access_token)).act as Record<string, unknown>).sub_profile).toBeUndefined()
  })
})
