// The user signs in with a real passkey, through Chromium's virtual authenticator (CDP WebAuthn domain):
// the IdP in the page verifies the ceremony, and the subject token says what it verified.
import type { CDPSession, Page } from '@playwright/test'
import { decodeJwt } from 'jose'
import { PASSKEY_ATTACKS } from '../src/core/playground/passkey/passkey-attacks.ts'
import { expect, openPlayground, test } from './fixtures.ts'

/** A platform authenticator with discoverable credentials and user verification, as a laptop's. */
async function addVirtualAuthenticator(
  page: Page,
  isUserVerified = true,
): Promise<{ cdp: CDPSession; authenticatorId: string }> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('WebAuthn.enable')
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified,
      automaticPresenceSimulation: true,
    },
  })
  return { cdp, authenticatorId }
}

const section = (page: Page) => page.getByRole('region', { name: 'Passkey sign-in' })
const step = (page: Page) => page.getByRole('list', { name: 'Sign-in step' })
const signInButton = (page: Page) => section(page).getByRole('button', { name: 'Sign in with a passkey' })
const sequence = (page: Page) =>
  page.getByRole('region', { name: 'Sequence', exact: true }).getByRole('list', { name: 'Steps' })
const subjectCard = (page: Page) => page.getByRole('article', { name: 'Subject token', exact: true })
const outcome = (page: Page) => page.getByRole('status', { name: 'Outcome' })
const subjectClaims = async (page: Page) =>
  decodeJwt((await page.getByRole('group', { name: 'Encoded subject token' }).textContent()) ?? '')

test('registers a passkey, signs in with it, and the subject token carries the verified amr and acr', async ({
  page,
}) => {
  await openPlayground(page)
  await addVirtualAuthenticator(page)
  await expect(section(page)).toContainText('creates a passkey named “u_marwan”')
  await signInButton(page).click()
  await expect(step(page)).toHaveText('user → IdP: WebAuthn assertion → verified (UV)')
  await expect(section(page).getByRole('list', { name: 'Sign-in checks' })).toContainText(
    '✓ the signature over authenticatorData and the clientDataJSON hash verifies',
  )
  await expect(sequence(page).getByRole('listitem').first()).toContainText(
    'user → IdP: WebAuthn assertion → verified (UV)',
  )
  // The subject token's step and its claims say what the sign-in rests on.
  await expect(sequence(page)).toContainText(
    'WebAuthn assertion → verified (UV): amr, acr and auth_time come from the ceremony',
  )
  await expect(subjectCard(page)).toContainText('Signed in with: WebAuthn assertion → verified (UV)')
  await expect.poll(async () => (await subjectClaims(page)).acr).toBe('phrh')
  const claims = await subjectClaims(page)
  expect(claims.amr).toEqual(['hwk', 'user', 'mfa'])
  expect(typeof claims.auth_time).toBe('number')

  // The second time, the passkey already exists: only the assertion.
  await signInButton(page).click()
  await expect(step(page)).toHaveText('user → IdP: WebAuthn assertion → verified (UV)')
  await expect(section(page)).toContainText(
    /the signature counter is above the one last seen: [1-9]\d* → [1-9]\d*/,
  )
  await expect(section(page).getByLabel('Why the passkey was registered')).toHaveCount(0)
})

test('after a reload the public key is gone: signing in explains it and registers the passkey again, replacing it', async ({
  page,
}) => {
  await openPlayground(page)
  const { cdp, authenticatorId } = await addVirtualAuthenticator(page)
  await signInButton(page).click()
  await expect(step(page)).toHaveText('user → IdP: WebAuthn assertion → verified (UV)')

  await page.reload()
  await expect(step(page)).toHaveText(/simulated passkey/)
  await signInButton(page).click()
  await expect(step(page)).toHaveText('user → IdP: WebAuthn assertion → verified (UV)')
  const why = section(page).getByLabel('Why the passkey was registered')
  await expect(why).toContainText('this page load held no public key for your passkey')
  await expect(why).toContainText('never the public key')
  await expect(why).toContainText('replaces the one it holds for “u_marwan”')
  // The stable user handle made the authenticator replace its passkey, not add a second one.
  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId })
  expect(credentials).toHaveLength(1)
  await expect.poll(async () => (await subjectClaims(page)).acr).toBe('phrh')
})

for (const attack of PASSKEY_ATTACKS) {
  test(`the gallery card "${attack.name}" is refused at the sign-in step with ${attack.reason}, and accepted by a vulnerable IdP with its defence off`, async ({
    page,
  }) => {
    await openPlayground(page)
    await addVirtualAuthenticator(page)
    const card = page
      .getByRole('region', { name: 'Attack gallery' })
      .getByRole('listitem', { name: attack.name, exact: true })
    await expect(card).toContainText(attack.defence)
    await card.getByRole('button', { name: attack.name }).click()
    await expect(step(page)).toHaveText(
      `user → IdP: WebAuthn assertion → refused: access_denied (${attack.reason})`,
    )
    await expect(section(page)).toContainText(attack.defence)
    // The Run stops at the sign-in step: no subject token is minted from a refused ceremony.
    await expect(outcome(page)).toContainText(
      `The IdP refused the passkey sign-in: access_denied (${attack.reason})`,
    )
    await expect(sequence(page).getByRole('listitem').first()).toContainText(
      'user → IdP: WebAuthn assertion → refused → access_denied',
    )

    await card.getByRole('switch', { name: `Defence on: ${attack.name}` }).uncheck()
    await expect(card).toContainText('OFF: vulnerable IdP')
    await card.getByRole('button', { name: attack.name }).click()
    if (attack.id === 'replayed-assertion') {
      // The counter of an authenticator that counts still catches a replay.
      await expect(step(page)).toHaveText(
        'user → IdP: WebAuthn assertion → refused: access_denied (webauthn.counter_regressed)',
      )
      await expect(section(page).getByRole('list', { name: 'Sign-in checks' })).toContainText(
        `would have refused (${attack.reason})`,
      )
      return
    }
    const uv = attack.id === 'uv-missing' ? 'UP only' : 'UV'
    await expect(step(page)).toHaveText(
      `user → IdP: WebAuthn assertion → verified (${uv}) by a VULNERABLE IdP`,
    )
    await expect(section(page)).toContainText(`would have refused (${attack.reason})`)
    await expect(outcome(page)).toContainText(`VULNERABLE SERVER (defence off: ${attack.reason})`)
  })
}

test('a person who does not complete the sign-in (the browser answers NotAllowedError) is refused at step 0 as cancelled', async ({
  page,
}) => {
  await openPlayground(page)
  const { cdp, authenticatorId } = await addVirtualAuthenticator(page)
  await signInButton(page).click()
  await expect(step(page)).toHaveText('user → IdP: WebAuthn assertion → verified (UV)')
  // The passkey exists; this time the person fails or declines the PIN or biometric, so
  // navigator.credentials.get() rejects with NotAllowedError, as it does when the dialog is cancelled.
  await cdp.send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified: false })
  await signInButton(page).click()
  await expect(step(page)).toHaveText(
    'user → IdP: WebAuthn assertion → refused: access_denied (webauthn.cancelled)',
  )
  await expect(section(page)).toContainText('NotAllowedError')
  await expect(sequence(page).getByRole('listitem').first()).toContainText(
    'user → IdP: WebAuthn assertion → refused → access_denied',
  )
  await expect(outcome(page)).toContainText(
    'The IdP refused the passkey sign-in: access_denied (webauthn.cancelled)',
  )
})

test('a passkey that cannot be created is refused as cancelled; the simulated sign-in is one click away', async ({
  page,
}) => {
  await openPlayground(page)
  // The authenticator cannot verify the user, and policy requires it: the browser answers NotAllowedError.
  await addVirtualAuthenticator(page, false)
  await expect(step(page)).toHaveText(/simulated passkey/)
  await signInButton(page).click()
  await expect(step(page)).toHaveText(
    'user → IdP: WebAuthn assertion → refused: access_denied (webauthn.cancelled)',
  )
  await expect(section(page)).toContainText('NotAllowedError')
  await expect(outcome(page)).toContainText(
    'The IdP refused the passkey sign-in: access_denied (webauthn.cancelled)',
  )
  // Back to the simulated sign-in: the scenario's amr, and no acr.
  await section(page).getByRole('button', { name: 'Use the simulated sign-in' }).click()
  await expect(step(page)).toHaveText(/simulated passkey/)
  await expect.poll(async () => (await subjectClaims(page)).amr).toEqual(['hwk', 'user'])
  expect((await subjectClaims(page)).acr).toBeUndefined()
})

test('without a ceremony the sign-in, the subject token’s step and its claims say simulated passkey', async ({
  page,
}) => {
  await openPlayground(page)
  await expect(step(page)).toHaveText(
    'user → IdP: simulated passkey (no ceremony ran; amr from the scenario)',
  )
  await expect(sequence(page).getByRole('listitem').first()).toContainText(
    "simulated passkey: no WebAuthn ceremony ran, amr is the scenario's",
  )
  await expect(subjectCard(page)).toContainText('Signed in with: simulated passkey')
  await expect(page.getByRole('group', { name: 'Subject token payload' })).toContainText(
    '// simulated passkey',
  )
  expect((await subjectClaims(page)).amr).toEqual(['hwk', 'user'])
})

test('a link carries only "real passkey": opened elsewhere it asks for a fresh ceremony, which then runs there', async ({
  page,
  context,
}) => {
  await openPlayground(page)
  await addVirtualAuthenticator(page)
  await signInButton(page).click()
  await expect(step(page)).toHaveText('user → IdP: WebAuthn assertion → verified (UV)')
  // The address bar follows the scenario (debounced): the seed's page has no fragment, or `#s=1.`; the
  // choice "real passkey" makes a change from the seed, so a payload after the version.
  await expect.poll(() => new URL(page.url()).hash).toMatch(/^#s=1\.[\w-]+$/)
  const link = page.url()

  // Another page (here without any authenticator yet): the link asks, and the run stays simulated.
  const other = await context.newPage()
  await openPlayground(other, link)
  await expect(other.getByRole('note', { name: 'Fresh ceremony needed' })).toContainText(
    'A link carries only that choice, never a ceremony or a key',
  )
  await expect(step(other)).toHaveText(/simulated passkey/)
  expect((await subjectClaims(other)).acr).toBeUndefined()
  await addVirtualAuthenticator(other)
  await signInButton(other).click()
  await expect(step(other)).toHaveText('user → IdP: WebAuthn assertion → verified (UV)')
  await expect(other.getByRole('note', { name: 'Fresh ceremony needed' })).toHaveCount(0)
  await expect.poll(async () => (await subjectClaims(other)).acr).toBe('phrh')
  await other.close()

  // Back to the simulated sign-in: the link is the seed's again.
  await section(page).getByRole('button', { name: 'Use the simulated sign-in' }).click()
  await expect.poll(() => new URL(page.url()).hash).toBe('#s=1.')
})

test('a browser without WebAuthn keeps the simulated sign-in, says why, and the run is accepted', async ({
  page,
}) => {
  // As an old browser: no PublicKeyCredential at all, so no ceremony can run.
  await page.addInitScript(() => {
    Reflect.deleteProperty(window, 'PublicKeyCredential')
  })
  await openPlayground(page)
  await expect(section(page)).toContainText('this browser offers no WebAuthn here')
  await expect(signInButton(page)).toHaveCount(0)
  await expect(step(page)).toHaveText(/simulated passkey/)
  await expect(subjectCard(page)).toContainText('Signed in with: simulated passkey')
  await expect(outcome(page)).toContainText('the API accepted it')
  expect((await subjectClaims(page)).amr).toEqual(['hwk', 'user'])
  expect((await subjectClaims(page)).acr).toBeUndefined()
})
