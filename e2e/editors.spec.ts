// The three Monaco editors: opened on intent, bundled locally (the shared fixture fails the test on any
// request leaving the origin), and each one changes what the IdP or the resource server processes.
import type { Page } from '@playwright/test'
import { SEED_SCENARIO } from '../src/core/playground/scenario/seed-scenario.ts'
import { expect, openPlayground, test } from './fixtures.ts'

/** Focuses a Monaco editor by its accessible name, once it has loaded. */
async function focusEditor(page: Page, name: string) {
  const input = page.getByRole('textbox', { name })
  await expect(input).toBeAttached({ timeout: 30_000 })
  await input.focus()
}

/** Replaces the whole text by pasting it: a paste is neither auto-closed nor auto-indented by Monaco. */
async function replaceText(page: Page, text: string) {
  await page.evaluate((value) => navigator.clipboard.writeText(value), text)
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.press('ControlOrMeta+V')
}

test.beforeEach(async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await openPlayground(page)
})

test('Monaco is not loaded until someone asks for an editor', async ({ page }) => {
  const scripts = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((entry) => entry.name),
  )
  expect(scripts.filter((name) => /CodeEditor|editor\.worker|json\.worker/.test(name))).toEqual([])
  await page.getByRole('button', { name: 'Edit request' }).click()
  await focusEditor(page, 'Raw token request')
})

test('"Edit request": the IdP processes exactly the text typed', async ({ page }) => {
  await page.getByRole('button', { name: 'Edit request' }).click()
  await focusEditor(page, 'Raw token request')
  await page.keyboard.press('ControlOrMeta+End')
  await page.keyboard.type('&scope=admin')
  const response = page.getByRole('region', { name: 'Token response' })
  await expect(response).toContainText('invalid_request')
  await expect(response).toContainText('is included more than once')
  await expect(page.getByRole('region', { name: 'RFC 8693 request' })).toContainText('scope=admin')
  await page.getByRole('button', { name: 'Reset request' }).first().click()
  await expect(response).toContainText('HTTP/1.1 200 OK')
  await expect(page.getByRole('region', { name: 'RFC 8693 request' })).not.toContainText('scope=admin')
})

test('"Tamper with token": the resource server refuses the forged token and logs invalid_token', async ({
  page,
}) => {
  const encoded = await page.getByRole('group', { name: 'Encoded delegated token' }).textContent()
  const claims = JSON.parse(Buffer.from(encoded!.split('.')[1]!, 'base64url').toString()) as Record<
    string,
    unknown
  >
  await page.getByRole('button', { name: 'Tamper with token' }).click()
  await focusEditor(page, 'Delegated token claims JSON')
  await replaceText(page, JSON.stringify({ ...claims, scope: 'read:repo write:repo write:issues' }))

  const audit = page.getByRole('region', { name: 'Audit log' })
  await expect(page.getByLabel('Audit line', { exact: true })).toContainText('decision=deny')
  await expect(page.getByLabel('Audit line', { exact: true })).toContainText('error=invalid_token')
  await expect(audit.getByLabel('WWW-Authenticate challenge')).toContainText('invalid_token')
  await expect(page.getByRole('region', { name: 'Delegated token claims' })).toContainText('Tampered')

  await page.getByRole('button', { name: 'Reset token' }).first().click()
  await expect(page.getByLabel('Audit line', { exact: true })).not.toContainText('decision=deny')
})

test('"Scenario JSON": invalid JSON is marked and the last run stays; valid JSON becomes the scenario', async ({
  page,
}) => {
  await page.getByRole('button', { name: 'Scenario JSON' }).click()
  await focusEditor(page, 'Scenario JSON')
  await replaceText(page, '{ "version": 1,')
  const editor = page.getByRole('region', { name: 'Scenario JSON editor' })
  await expect(editor).toContainText('Not applied')
  await expect(editor.locator('.squiggly-error').first()).toBeAttached()
  const claims = page.getByRole('region', { name: 'Delegated token claims' })
  await expect(claims.getByRole('listitem', { name: 'act.sub', exact: true })).toContainText(
    SEED_SCENARIO.actor.spiffeId,
  )

  const next = { ...SEED_SCENARIO, request: { ...SEED_SCENARIO.request, scope: 'read:repo' } }
  await replaceText(page, JSON.stringify(next, null, 2))
  await expect(editor).not.toContainText('Not applied')
  await expect(claims.getByRole('listitem', { name: 'scope', exact: true })).toContainText(
    /read:repo(?! write)/,
  )
  // The controls follow the scenario the editor produced.
  await expect(page.getByLabel('Scope', { exact: true })).toHaveValue('read:repo')
})
