// The token inspector: paste a vendor-shaped token and a JWKS, read what it says, and see a 10 MB paste refused.
import type { Page } from '@playwright/test'
import { vendorSigner } from '../src/core/protocol/tokens/vendor-token-shapes.fixture.ts'
import { expect, openPlayground, test } from './fixtures.ts'

async function pasteInto(page: Page, label: string, text: string) {
  const field = page.getByRole('region', { name: 'Inspect a token' }).getByLabel(label)
  await field.focus()
  await page.evaluate((value) => navigator.clipboard.writeText(value), text)
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.press('ControlOrMeta+V')
}

test.describe('Inspect a token', () => {
  test.beforeEach(async ({ context, page }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    await openPlayground(page)
  })

  test('decodes a pasted ZITADEL-shaped token, draws its act chain and verifies it against a pasted JWKS', async ({
    page,
  }) => {
    const signer = await vendorSigner()
    const region = page.getByRole('region', { name: 'Inspect a token' })
    await expect(region).toContainText('never sent anywhere, never stored, and never put in the link')

    await pasteInto(page, 'Token (JWT)', await signer.sign('zitadel'))
    await expect(region.getByRole('region', { name: 'Decoded claims' })).toContainText(
      'https://acme-abc123.zitadel.cloud',
    )
    await expect(region.getByRole('region', { name: 'Decoded header' })).toContainText('RS256')
    const chain = region.getByRole('region', { name: 'Actor chain' }).getByRole('listitem')
    await expect(chain).toHaveText([/subject 263542612422233344/, /current actor 263542612577788899/])
    await expect(region.getByRole('region', { name: 'Actor profile checks' })).toContainText(
      '✗ every act says what the actor is',
    )
    await expect(region.getByRole('status', { name: 'Signature' })).toContainText('Signature not checked')

    await pasteInto(page, 'Public key to verify with (JWK or JWKS)', JSON.stringify({ keys: [signer.jwk] }))
    await expect(region.getByRole('status', { name: 'Signature' })).toHaveText(
      'Signature verified (RS256, key vendor-key-1).',
    )
    // Nothing pasted reaches the address bar.
    expect(page.url()).not.toContain('eyJ')
  })

  test('refuses a 10 MB paste and the page stays responsive', async ({ page }) => {
    await page.evaluate((size) => navigator.clipboard.writeText('x'.repeat(size)), 10 * 1024 * 1024)
    const field = page.getByRole('region', { name: 'Inspect a token' }).getByLabel('Token (JWT)')
    await field.focus()
    await page.keyboard.press('ControlOrMeta+V')
    await expect(page.getByRole('alert').filter({ hasText: 'Not pasted' })).toContainText(
      'that text is 10 MiB',
    )
    await expect(field).toHaveValue('')
    await pasteInto(page, 'Token (JWT)', 'not a token')
    await expect(page.getByRole('region', { name: 'Inspect a token' }).getByRole('alert')).toContainText(
      'Not a readable JWT',
    )
  })
})
