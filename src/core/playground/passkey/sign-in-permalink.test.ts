import { describe, expect, test } from 'vitest'
import { decodePermalink } from '../scenario/decode-permalink.ts'
import { encodePermalink } from '../scenario/encode-permalink.ts'
import { restoreScenario } from '../scenario/restore-scenario.ts'
import { SEED_SCENARIO } from '../scenario/seed-scenario.ts'
import { signInForRun } from './sign-in-for-run.ts'

describe('a permalink and the passkey sign-in', () => {
  test('carries the choice "real passkey" and nothing else of the sign-in', async () => {
    const scenario = { ...SEED_SCENARIO, signIn: 'real-passkey' as const }
    const { fragment, omitted } = await encodePermalink(scenario)
    expect(omitted).toEqual([])
    expect(fragment).not.toBe('s=1.')
    // What the link restores is the seed plus that one choice: no key, assertion or claims can ride along.
    expect(await decodePermalink(`#${fragment}`)).toEqual({ scenario, notices: [] })
  })

  test('the simulated sign-in is the seed’s, so it adds nothing to a link', async () => {
    expect(SEED_SCENARIO.signIn).toBe('simulated')
    expect((await encodePermalink(SEED_SCENARIO)).fragment).toBe('s=1.')
  })

  test('a link made before the choice existed restores to the simulated sign-in', () => {
    expect(restoreScenario({ version: 1 }).scenario.signIn).toBe('simulated')
  })

  test('a link that tries to carry more than the choice restores to the simulated sign-in, and says so', () => {
    const restored = restoreScenario({ version: 1, signIn: { credentialId: 'AAEC', publicKey: 'pQECAyYg' } })
    expect(restored.scenario.signIn).toBe('simulated')
    expect(restored.notices.length).toBeGreaterThan(0)
  })

  test('a run takes this page’s ceremony only when the scenario asks for a real passkey', () => {
    const result = {
      ok: true as const,
      claims: { amr: ['hwk', 'user', 'mfa'], acr: 'phrh', auth_time: 1 },
      userVerified: true,
      checks: [],
      defencesOff: [],
    }
    expect(signInForRun({ signIn: 'real-passkey' }, result)).toBe(result)
    expect(signInForRun({ signIn: 'simulated' }, result)).toBeUndefined()
    // Opened from a link elsewhere: the choice, and no ceremony on this page yet.
    expect(signInForRun({ signIn: 'real-passkey' }, undefined)).toBeUndefined()
  })
})
