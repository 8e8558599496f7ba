// Sharing: a link reproduces the exact scenario in a fresh browser; presets load and push history;
// hostile or broken links open safely with a notice.
import { encodePermalink } from '../src/core/playground/scenario/encode-permalink.ts'
import { PRESETS } from '../src/core/playground/scenario/presets.ts'
import { SEED_SCENARIO } from '../src/core/playground/scenario/seed-scenario.ts'
import { expect, openPlayground, test } from './fixtures.ts'

/** The audit fields that must match between two runs of one scenario (time and jti differ). */
const stableAuditFields = (line: string) => line.replace(/^\S+ /, '').replace(/ jti=\S+/, '')

test('a copied link opens the same scenario in a fresh browser: same controls, claims and audit fields', async ({
  page,
  browser,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await openPlayground(page)
  await page.getByLabel('Scope', { exact: true }).fill('read:repo')
  await page.getByLabel('Attestation', { exact: true }).selectOption('k8s-psat')
  const audit = page.getByLabel('Audit line', { exact: true })
  await expect(audit).toContainText('attestation=k8s-psat aud=api.github.com scope=read:repo')
  await page.getByRole('button', { name: 'Copy permalink' }).click()
  await expect(page.getByRole('button', { name: 'Link copied' })).toBeVisible()
  const url = await page.evaluate(() => navigator.clipboard.readText())
  expect(url).toMatch(/#s=1\.[A-Za-z0-9_-]+$/)
  await expect(page).toHaveURL(url)

  const fresh = await browser.newContext()
  const other = await fresh.newPage()
  await openPlayground(other, url)
  await expect(other.getByLabel('Scope', { exact: true })).toHaveValue('read:repo')
  await expect(other.getByLabel('Attestation', { exact: true })).toHaveValue('k8s-psat')
  const claims = other.getByRole('region', { name: 'Delegated token claims' })
  await expect(claims.getByRole('listitem', { name: 'scope', exact: true })).toContainText('read:repo')
  await expect(claims.getByRole('listitem', { name: 'act.attestation', exact: true })).toContainText(
    'k8s-psat',
  )
  const there = (await other.getByLabel('Audit line', { exact: true }).textContent()) ?? ''
  expect(stableAuditFields(there)).toBe(stableAuditFields((await audit.textContent()) ?? ''))
  await fresh.close()
})

// The cross-app presets end at other servers; e2e/cross-app.spec.ts loads each of them.
for (const preset of PRESETS.filter((candidate) => candidate.change.flow === undefined)) {
  test(`the "${preset.title}" preset loads and shows what its note says`, async ({ page }) => {
    await openPlayground(page)
    await page.getByLabel('Preset', { exact: true }).selectOption(preset.id)
    const bar = page.getByRole('region', { name: 'Presets' })
    await expect(bar).toContainText(preset.note)
    if (preset.defence) await expect(bar).toContainText(preset.defence)
    const audit = page.getByLabel('Audit line', { exact: true })
    if (preset.outcome === null) {
      await expect(page.getByRole('status').filter({ hasText: 'the API accepted it' })).toBeVisible()
      await expect(audit).not.toContainText('decision=deny')
    } else {
      await expect(audit).toContainText(`decision=deny error=${preset.outcome.error}`)
      const where = preset.outcome.refusedBy === 'idp' ? 'Token response' : 'Audit log'
      await expect(page.getByRole('region', { name: where })).toContainText(preset.outcome.error)
    }
  })
}

test('choosing a preset adds a history entry, and Back returns to the scenario before it', async ({
  page,
}) => {
  await openPlayground(page)
  await page.getByLabel('Preset', { exact: true }).selectOption('impersonation')
  await expect(page.getByLabel('Audit line', { exact: true })).not.toContainText('acting_as')
  await page.goBack()
  await expect(page.getByLabel('Preset', { exact: true })).toHaveValue('seed')
  await expect(page.getByLabel('Audit line', { exact: true })).toContainText(
    'acting_as=spiffe://prod/agent/code-reviewer/v3',
  )
})

test('a hostile link renders every string as inert text, and no dialog opens', async ({ page }) => {
  const payload =
    "\"><img src=x onerror=alert(1)><script>alert(2)</script>{{constructor.constructor('alert(3)')()}}"
  const hostile = structuredClone(SEED_SCENARIO)
  hostile.user.sub = `u_${payload}\nprincipal=admin`
  hostile.actor.spiffeId = `javascript:alert(4)//${payload}`
  hostile.request.scope = `read:repo ${payload}`
  hostile.request.audiences = [payload]
  hostile.resourceCall.path = `/repos/${payload}`
  hostile.policy.delegations[0]!.actor = payload
  const { fragment } = await encodePermalink(hostile)
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  await page.goto(`/#${fragment}`)
  await expect(page.getByLabel('User', { exact: true })).toHaveValue(hostile.user.sub.replace('\n', ''))
  await expect(page.getByLabel('Actor', { exact: true })).toHaveValue(hostile.actor.spiffeId)
  await expect(page.getByRole('region', { name: 'RFC 8693 request' })).toContainText(
    '<script>alert(2)</script>',
  )
  await expect(page.locator('img[src="x"]')).toHaveCount(0)
  await expect(page.locator('main script')).toHaveCount(0)
  expect(dialogs).toEqual([])
})

test.describe('a broken link opens the seed with a notice', () => {
  for (const [name, hash] of [
    ['corrupt', '#s=1.AAAAAAAA'],
    ['junk', '#s=1.%3Cscript%3E'],
    ['oversized', `#s=1.${'A'.repeat(20_000)}`],
  ] as const) {
    test(name, async ({ page }) => {
      await openPlayground(page, `/${hash}`)
      await expect(page.getByRole('alert')).toContainText('Parts of this link could not be used')
      await expect(page.getByLabel('Scope', { exact: true })).toHaveValue(SEED_SCENARIO.request.scope)
    })
  }
})
