// The user signs in with a real passkey, through Chromium's virtual authenticator (CDP WebAuthn domain):
// the IdP in the page verifies the ceremony, and the subject token says what it verified.
import type { CDPSession, Page } from '@playwright/test'
import { decodeJwt } from 'jose'
import { PASSKEY_ATTACKS } from '../src/core/playground/passkey/passkey-attacks.ts'
import { expect, openPlayground, test } from './fixtures.ts'

/** A platform authenticator with discoverable credentials and user verification, as a laptop's. */
async function addVirtualAuthenticator(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('WebAuthn.enable')
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  })
  return cdp
}

const step = (page: Page) => page.getByRole('list', { name: 'Sign-in step' })
const subjectClaims = async (page: Page) =>
  decodeJwt((await page.getByRole('group', { name: 'Encoded subject token' }).textContent()) ?? '')

test('registers a passkey, signs in with it, and the subject token carries the verified amr and acr', async ({
  page,
}) => {
  await openPlayground(page)
  await addVirtualAuthenticator(page)
  const section = page.getByRole('region', { name: 'Passkey sign-in' })
  await expect(section).toContainText('creates a passkey named “u_marwan”')
  await section.getByRole('button', { name: 'Sign in with a passkey' }).click()
  await expect(step(page)).toHaveText('user → IdP: WebAuthn assertion → verified (UV)')
  await expect(section.getByRole('list', { name: 'Sign-in checks' })).toContainText(
    '✓ the signature over authenticatorData and the clientDataJSON hash verifies',
  )
  await expect(page.getByRole('region', { name: 'Sequence' }).getByRole('list').first()).toContainText(
    'user → IdP: WebAuthn assertion → verified (UV)',
  )
  await expect.poll(async () => (await subjectClaims(page)).acr).toBe('phrh')
  const claims = await subjectClaims(page)
  expect(claims.amr).toEqual(['hwk', 'user', 'mfa'])
  expect(typeof claims.auth_time).toBe('number')

  // The second time, the passkey already exists: only the assertion.
  await section.getByRole('button', { name: 'Sign in with a passkey' }).click()
  await expect(step(page)).toHaveText('user → IdP: WebAuthn assertion → verified (UV)')
  await expect(section).toContainText(/the signature counter is above the one last seen: [1-9]\d* → [1-9]\d*/)
})

for (const attack of PASSKEY_ATTACKS) {
  test(`refuses "${attack.name}" at the sign-in step with ${attack.reason}`, async ({ page }) => {
    await openPlayground(page)
    await addVirtualAuthenticator(page)
    const section = page.getByRole('region', { name: 'Passkey sign-in' })
    await section.getByLabel('Attack on the sign-in').selectOption(attack.id)
    await section.getByRole('button', { name: 'Sign in with a passkey' }).click()
    await expect(step(page)).toHaveText(
      `user → IdP: WebAuthn assertion → refused: access_denied (${attack.reason})`,
    )
    await expect(section).toContainText(attack.defence)
    // The Run stops at the sign-in step: no subject token is minted from a refused ceremony.
    await expect(page.getByRole('status', { name: 'Outcome' })).toContainText(
      `The IdP refused the passkey sign-in: access_denied (${attack.reason})`,
    )
  })
}

test('a ceremony the person does not complete is refused as cancelled; the simulated sign-in is one click away', async ({
  page,
}) => {
  await openPlayground(page)
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('WebAuthn.enable')
  // The authenticator cannot verify the user, and policy requires it: the browser answers NotAllowedError,
  // as it does when the person cancels the dialog.
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: false,
      automaticPresenceSimulation: true,
    },
  })
  const section = page.getByRole('region', { name: 'Passkey sign-in' })
  await expect(step(page)).toHaveText(/simulated passkey/)
  await section.getByRole('button', { name: 'Sign in with a passkey' }).click()
  await expect(step(page)).toHaveText(
    'user → IdP: WebAuthn assertion → refused: access_denied (webauthn.cancelled)',
  )
  await expect(section).toContainText('NotAllowedError')
  await expect(page.getByRole('status', { name: 'Outcome' })).toContainText(
    'The IdP refused the passkey sign-in: access_denied (webauthn.cancelled)',
  )
  // Back to the simulated sign-in: the scenario's amr, and no acr.
  await section.getByRole('button', { name: 'Use the simulated sign-in' }).click()
  await expect(step(page)).toHaveText(/simulated passkey/)
  await expect.poll(async () => (await subjectClaims(page)).amr).toEqual(['hwk', 'user'])
  expect((await subjectClaims(page)).acr).toBeUndefined()
})

test('without a ceremony the sign-in is labelled as a simulated passkey', async ({ page }) => {
  await openPlayground(page)
  await expect(step(page)).toHaveText(
    'user → IdP: simulated passkey (no ceremony ran; amr from the scenario)',
  )
  expect((await subjectClaims(page)).amr).toEqual(['hwk', 'user'])
})
