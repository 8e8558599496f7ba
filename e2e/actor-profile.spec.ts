// The actor-profile switch: on, the IdP adds sub_profile and the checks pane lists every profile rule.
import { expect, openPlayground, test } from './fixtures.ts'

test('switching the actor profile on lists each profile rule as a passed check', async ({ page }) => {
  await openPlayground(page)
  // The first Run after a cold build can be slow on a shared machine; wait for it before switching.
  await expect(page.getByRole('region', { name: 'Checks' })).toContainText('DPoP', { timeout: 15_000 })
  const checks = page.getByRole('region', { name: 'Checks' })
  await expect(checks).not.toContainText('actor profile:')
  await page.getByLabel('Apply the actor profile', { exact: true }).check()
  for (const rule of [
    'actor profile: every act carries iss',
    'actor profile: every act says what the actor is',
    'actor profile: the act chain is no deeper than policy allows',
    'actor profile: may_act is not copied into the issued token',
    'actor profile: only the top-level cnf binds the presenter',
  ])
    await expect(checks).toContainText(rule, { timeout: 15_000 })
  await expect(page.getByRole('region', { name: 'Delegated token claims' })).toContainText('ai_agent')
})
