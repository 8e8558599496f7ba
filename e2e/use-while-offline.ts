// e2e helper: what a person does with the network gone, shared by the offline and subpath specs.
import type { Page } from '@playwright/test'
import { expect } from './fixtures.ts'
import { waitForEditorKept } from './service-worker.ts'

/** What a person does with the network gone: edit, pick a preset and an attack, open an editor and type. */
export async function useWhileOffline(page: Page) {
  const audit = page.getByLabel('Audit line', { exact: true })
  await page.getByLabel('Scope', { exact: true }).fill('read:repo')
  await expect(audit).toContainText('scope=read:repo ttl=600s')
  await page.getByLabel('Audience', { exact: true }).fill('evil.example.com')
  await expect(audit).toContainText('error=invalid_target')
  await page.getByLabel('Preset', { exact: true }).selectOption('delegation-chain')
  await expect(audit).toContainText('acting_as=spiffe://prod/agent/test-runner/v1')
  await page
    .getByRole('region', { name: 'Attack gallery' })
    .getByRole('button', { name: 'Stolen token without the DPoP key' })
    .click()
  await expect(audit).toContainText('decision=deny')
  await page.getByRole('button', { name: 'Edit request' }).click()
  const editor = page.getByRole('textbox', { name: 'Raw token request' })
  await expect(editor).toBeAttached({ timeout: 30_000 })
  await editor.focus()
  await page.keyboard.press('ControlOrMeta+End')
  await page.keyboard.type('&scope=admin')
  await expect(page.getByRole('region', { name: 'Token response' })).toContainText(
    'is included more than once',
  )
}

/** Opens an editor once with the network on, so the service worker keeps it, then closes it again. */
export async function useEditorOnce(page: Page) {
  const button = page.getByRole('button', { name: 'Edit request' })
  await button.click()
  await expect(page.getByRole('textbox', { name: 'Raw token request' })).toBeAttached({ timeout: 30_000 })
  await waitForEditorKept(page)
  await button.click()
}
