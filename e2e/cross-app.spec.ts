// Cross-app access on the page: the Flow control, the ID-JAG's type, and every cross-app attack's refusal.
import { CROSS_APP_PRESETS } from '../src/core/playground/scenario/cross-app-presets.ts'
import { expect, openPlayground, test } from './fixtures.ts'

test('choosing the cross-app flow shows its four steps and an ID-JAG typed oauth-id-jag+jwt', async ({
  page,
}) => {
  await openPlayground(page)
  await page.getByLabel('Flow', { exact: true }).selectOption({ label: 'Cross-app access (ID-JAG)' })
  const sequence = page
    .getByRole('region', { name: 'Sequence', exact: true })
    .getByRole('list', { name: 'Steps' })
    .getByRole('listitem')
  await expect(sequence).toHaveCount(4)
  for (const [i, text] of [
    "user → agent: Sign in: the agent holds the user's ID token",
    'agent → IdP: POST /token → 200',
    'agent → resource AS: POST /token → 200',
    'agent → MCP server: POST /mcp → 200',
  ].entries())
    await expect(sequence.nth(i)).toContainText(text)
  const steps = page.getByRole('region', { name: 'Requests' }).getByRole('listitem')
  await expect(steps).toHaveText([
    /^user → agent: Sign in/,
    /agent → IdP: POST \/token → 200/,
    /agent → resource AS: POST \/token → 200/,
    /agent → MCP server: POST \/mcp → 200/,
  ])
  const tokens = page.getByRole('region', { name: 'Cross-app tokens' })
  await expect(tokens.getByLabel('ID-JAG header', { exact: true })).toContainText('oauth-id-jag+jwt')
  await expect(page.getByRole('status', { name: 'Outcome' })).toContainText('Every step was accepted')
  await expect(page.getByRole('region', { name: 'Audit log' })).toContainText(
    'principal=u_marwan acting_as=spiffe://prod/agent/code-reviewer/v3',
  )
  await expect(page).toHaveURL(/#s=1\./)
})

for (const preset of CROSS_APP_PRESETS.filter((candidate) => candidate.outcome !== null))
  test(`the ${preset.title} preset is refused with ${preset.stop!.reason}`, async ({ page }) => {
    await openPlayground(page)
    await page.getByLabel('Preset', { exact: true }).selectOption(preset.id)
    const bar = page.getByRole('region', { name: 'Presets' })
    await expect(bar).toContainText(preset.note)
    await expect(bar).toContainText(preset.defence!)
    const outcome = page.getByRole('status', { name: 'Outcome' })
    await expect(outcome).toContainText(`${preset.outcome!.error} (${preset.stop!.reason})`)
    await expect(
      page
        .getByRole('region', { name: 'Sequence', exact: true })
        .getByRole('list', { name: 'Steps' })
        .getByRole('listitem')
        .filter({ hasText: preset.outcome!.error }),
    ).not.toHaveCount(0)
    await expect(page.getByRole('region', { name: 'Requests' })).toContainText(
      `Reason: ${preset.stop!.reason}`,
    )
  })
