// Passkey refusals the main tables leave out: a ceremony with no response, and clientDataJSON that is not an assertion's.
import { base64url } from 'jose'
import { describe, expect, test } from 'vitest'
import { ceremonyFailed } from './ceremony-failed.ts'
import { registeredPasskey } from './passkey-ceremony.fixture.ts'
import { decideAssertion } from './verify-assertion.ts'

const text = new TextDecoder()
const bytes = new TextEncoder()

describe('the IdP refuses a passkey sign-in', () => {
  test('that the person cancelled (the browser answered NotAllowedError), as access_denied', () => {
    const decision = ceremonyFailed('NotAllowedError', 'The operation either timed out or was not allowed.')
    expect(decision.ok).toBe(false)
    if (decision.ok) return
    expect(decision.error).toMatchObject({ code: 'access_denied', reason: 'webauthn.cancelled' })
    expect(decision.checks.at(-1)).toMatchObject({ ok: false, reason: 'webauthn.cancelled' })
  })

  test('whose clientDataJSON is not JSON', async () => {
    const { ctx, challenges, authenticator } = await registeredPasskey()
    const assertion = await authenticator.assert(challenges.issue())
    const broken = {
      ...assertion,
      response: { ...assertion.response, clientDataJSON: base64url.encode(bytes.encode('not json')) },
    }
    const decision = await decideAssertion(broken, ctx)
    expect(decision.ok ? null : decision.error).toMatchObject({
      code: 'access_denied',
      reason: 'webauthn.malformed',
    })
  })

  test('whose clientDataJSON is a registration\'s ("webauthn.create"), not an assertion\'s', async () => {
    const { ctx, challenges, authenticator } = await registeredPasskey()
    const assertion = await authenticator.assert(challenges.issue())
    const clientData = JSON.parse(text.decode(base64url.decode(assertion.response.clientDataJSON))) as object
    const retyped = base64url.encode(bytes.encode(JSON.stringify({ ...clientData, type: 'webauthn.create' })))
    const decision = await decideAssertion(
      { ...assertion, response: { ...assertion.response, clientDataJSON: retyped } },
      ctx,
    )
    expect(decision.ok ? null : decision.error).toMatchObject({
      code: 'access_denied',
      reason: 'webauthn.type_mismatch',
    })
  })
})
