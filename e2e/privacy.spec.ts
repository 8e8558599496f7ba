// Privacy: a walk through everything the page offers sends nothing to any other origin (the page's
// workers and service worker counted), stores nothing but a chosen theme, and the keys can't be exported.
import type { Page } from '@playwright/test'
import { galleryAttacks } from '../src/core/playground/scenario/defence-switches.ts'
import { PRESETS } from '../src/core/playground/scenario/presets.ts'
import { TEST_RUNNER } from '../src/core/playground/scenario/seed-scenario.ts'
import { expect, openPlayground, pasteInto, test } from './fixtures.ts'
import { buildFiles, waitForOfflineReady } from './service-worker.ts'

test.use({ serviceWorkers: 'allow' })

/** Everything the page could have written: web storage, IndexedDB, cookies, and Cache Storage by path. */
async function readStorage(page: Page) {
  return page.evaluate(async () => ({
    localStorage: { ...localStorage },
    sessionStorage: { ...sessionStorage },
    indexedDB: (await indexedDB.databases()).map((database) => database.name),
    cookie: document.cookie,
    caches: await Promise.all(
      (await caches.keys()).map(async (name) => ({
        name,
        paths: (await (await caches.open(name)).keys()).map((request) => new URL(request.url).pathname),
      })),
    ),
  }))
}

test('a walk through every preset, control, editor, a passkey ceremony and a permalink sends nothing beyond the page and stores only the theme', async ({
  page,
  context,
  baseURL,
}) => {
  test.slow()
  const origin = new URL(baseURL!).origin
  const requests: string[] = []
  // On the context: the page, its Monaco workers and the service worker's own downloads.
  context.on('request', (request) => requests.push(request.url()))
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.emulateMedia({ colorScheme: 'light' })
  await openPlayground(page)
  await waitForOfflineReady(page)
  const audit = page.getByLabel('Audit line', { exact: true })

  const presets = page.getByLabel('Preset', { exact: true })
  for (const preset of PRESETS) {
    await presets.selectOption(preset.id)
    await expect(page.getByRole('region', { name: 'Presets' })).toContainText(preset.note)
  }
  await page.getByRole('button', { name: 'Reset all' }).click()

  await page.getByLabel('User', { exact: true }).fill('u_alice')
  await page.getByLabel('Actor', { exact: true }).fill(TEST_RUNNER)
  await page.getByLabel('Attestation', { exact: true }).selectOption('k8s-psat')
  await page.getByLabel('Send actor token', { exact: true }).uncheck()
  await page.getByLabel('Send actor token', { exact: true }).check()
  await page.getByLabel('Audience', { exact: true }).fill('deploy.lab.marwandiallo.com')
  await page.getByRole('button', { name: '+ Add audience' }).click()
  await page.getByLabel('Audience 2', { exact: true }).fill('evil.example.com')
  await page.getByRole('button', { name: 'Remove audience 2' }).click()
  await page.getByRole('button', { name: 'read:org', exact: true }).click()
  await page.getByLabel('Scope', { exact: true }).fill('read:repo')
  await page.getByLabel('Requested token type', { exact: true }).selectOption({ index: 1 })
  await page.getByLabel('TTL', { exact: true }).fill('120')
  await page.getByLabel('DPoP', { exact: true }).uncheck()
  await page.getByLabel('Clock offset', { exact: true }).fill('30')
  await page.getByRole('button', { name: 'Move clock +10 min' }).click()
  await page.getByRole('button', { name: 'Move clock +1 h' }).click()
  await page.getByRole('button', { name: 'Reset clock' }).click()
  const gallery = page.getByRole('region', { name: 'Attack gallery' })
  for (const attack of galleryAttacks('delegation')) {
    await gallery.getByRole('button', { name: attack.title, exact: true }).click()
    await gallery.getByRole('switch', { name: `Defence on: ${attack.title}` }).uncheck()
  }
  for (const name of ['Require a nonce', 'Require proof of possession', 'Refuse impersonation'])
    await page.getByLabel(name, { exact: true }).check()
  await page.getByLabel('Lifetime cap', { exact: true }).fill('300')
  await page.getByRole('button', { name: 'Reset all' }).click()
  await expect(audit).toContainText('principal=u_marwan')

  await page.getByRole('button', { name: 'Show all of subject_token' }).click()
  await page.getByRole('button', { name: 'Copy as curl' }).click()
  await pasteInto(page, 'Edit request', 'Raw token request', 'POST /token HTTP/1.1\n\ngrant_type=x')
  await expect(page.getByRole('region', { name: 'Token response' })).toContainText('Content-Type must be')
  await page.getByRole('button', { name: 'Reset request' }).first().click()
  await pasteInto(page, 'Tamper with token', 'Delegated token claims JSON', '{"sub":"u_admin"}')
  await expect(audit).toContainText('error=invalid_token')
  await page.getByRole('button', { name: 'Reset token' }).first().click()
  await pasteInto(page, 'Scenario JSON', 'Scenario JSON', '{"version":1,"request":{"scope":"read:repo"}}')
  await expect(page.getByLabel('Scope', { exact: true })).toHaveValue('read:repo')

  // A real passkey ceremony (Chromium's virtual authenticator): registration, sign-in, and an attack.
  const cdp = await context.newCDPSession(page)
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
  const passkey = page.getByRole('region', { name: 'Passkey sign-in' })
  await passkey.getByRole('button', { name: 'Sign in with a passkey' }).click()
  await expect(passkey.getByRole('list', { name: 'Sign-in step' })).toContainText('verified (UV)')
  // The replay card in the attack gallery plays the attack on a fresh ceremony.
  await page
    .getByRole('region', { name: 'Attack gallery' })
    .getByRole('button', { name: 'Replayed passkey assertion' })
    .click()
  await expect(passkey.getByRole('list', { name: 'Sign-in step' })).toContainText('webauthn.challenge_reused')
  await passkey.getByRole('button', { name: 'Use the simulated sign-in' }).click()

  await page.getByRole('button', { name: 'Copy permalink' }).click()
  await expect(page.getByRole('button', { name: 'Link copied' })).toBeVisible()
  const link = await page.evaluate(() => navigator.clipboard.readText())
  const other = await context.newPage()
  await openPlayground(other, link)
  await expect(other.getByLabel('Scope', { exact: true })).toHaveValue('read:repo')
  await other.close()

  const { caches: cached, ...stored } = await readStorage(page)
  expect(stored).toEqual({ localStorage: {}, sessionStorage: {}, indexedDB: [], cookie: '' })
  expect(await context.cookies()).toEqual([])
  // Cache Storage holds the service worker's copy of the build's public files, and nothing else.
  const files = buildFiles()
  for (const cache of cached) {
    expect(cache.name).toMatch(/^tep-build-[0-9a-f]{16}$/)
    expect(cache.paths.filter((path) => !files.has(path))).toEqual([])
  }

  // The one thing ever stored: a theme the person chose, and nothing that looks like a token or a key.
  await page.getByRole('button', { name: 'Dark mode' }).click()
  const after = await readStorage(page)
  expect(after.localStorage).toEqual({ 'tep-theme': 'dark' })
  expect(JSON.stringify(after)).not.toMatch(/eyJ|"d":|BEGIN PRIVATE KEY/)

  expect(requests.length).toBeGreaterThan(10)
  expect(requests.filter((url) => new URL(url).origin !== origin && !url.startsWith('data:'))).toEqual([])
})

test("the page's private keys are non-extractable WebCrypto keys: exporting them fails", async ({ page }) => {
  // Keeps every key pair the page generates, whichever code asks for it.
  await page.addInitScript(() => {
    const made: CryptoKeyPair[] = []
    Object.assign(window, { __tepKeyPairs: made })
    const generateKey = SubtleCrypto.prototype.generateKey
    SubtleCrypto.prototype.generateKey = async function (this: SubtleCrypto, ...args: unknown[]) {
      const key = await (generateKey as (...a: unknown[]) => Promise<CryptoKey | CryptoKeyPair>).apply(
        this,
        args,
      )
      if ('privateKey' in key) made.push(key)
      return key
    } as typeof generateKey
  })
  await openPlayground(page)
  const keys = await page.evaluate(() => {
    const pairs = (window as unknown as { __tepKeyPairs: CryptoKeyPair[] }).__tepKeyPairs
    const attempt = (format: 'jwk' | 'pkcs8', key: CryptoKey) =>
      crypto.subtle.exportKey(format, key).then(
        () => 'exported',
        (error: Error) => error.name,
      )
    return Promise.all(
      pairs.map(async ({ privateKey }) => ({
        extractable: privateKey.extractable,
        jwk: await attempt('jwk', privateKey),
        pkcs8: await attempt('pkcs8', privateKey),
      })),
    )
  })
  // The ring: the IdP, the workload issuer, a rogue issuer, the agent's DPoP key and a thief's.
  expect(keys.length).toBeGreaterThanOrEqual(5)
  for (const key of keys)
    expect(key).toEqual({ extractable: false, jwk: 'InvalidAccessError', pkcs8: 'InvalidAccessError' })
})
