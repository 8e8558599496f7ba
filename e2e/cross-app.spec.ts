// Cross-app access on the page: the Flow control, the ID-JAG's type, every cross-app attack's refusal and its
// "Defence on" switch, and the delegation-only controls hidden.
import { CROSS_APP_PRESETS } from '../src/core/playground/scenario/cross-app-presets.ts'
import { galleryAttacks } from '../src/core/playground/scenario/defence-switches.ts'
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

for (const attack of galleryAttacks('cross-app'))
  test(`the ${attack.title} card gives its refusal, and with its defence off the attack is accepted`, async ({
    page,
  }) => {
    await openPlayground(page)
    await page.getByLabel('Flow', { exact: true }).selectOption({ label: 'Cross-app access (ID-JAG)' })
    const card = page
      .getByRole('region', { name: 'Attack gallery' })
      .getByRole('listitem', { name: attack.title, exact: true })
    const status = page.getByRole('status', { name: 'Outcome' })
    await card.getByRole('button', { name: attack.title, exact: true }).click()
    await expect(status).toContainText(`${attack.outcome.error} (${attack.outcome.reason})`)

    const defence = card.getByRole('switch', { name: `Defence on: ${attack.title}` })
    await expect(defence).toBeChecked()
    await defence.uncheck()
    await expect(status).toContainText(`VULNERABLE SERVER (defence off: ${attack.outcome.reason})`)
    await expect(page.getByRole('region', { name: 'Checks' })).toContainText('skipped (defence off)')

    await defence.check()
    await expect(status).toContainText(`${attack.outcome.error} (${attack.outcome.reason})`)
  })

test('the cross-app flow hides the delegation-only controls and says why', async ({ page }) => {
  await openPlayground(page)
  const controls = page.getByRole('form', { name: 'Scenario' })
  await expect(controls.getByRole('switch', { name: 'Send actor token' })).toBeVisible()
  await page.getByLabel('Flow', { exact: true }).selectOption({ label: 'Cross-app access (ID-JAG)' })
  await expect(controls.getByRole('switch', { name: 'Send actor token' })).toHaveCount(0)
  await expect(controls.getByRole('switch', { name: 'Require a nonce' })).toHaveCount(0)
  await expect(controls.getByLabel('Requested token type')).toHaveCount(0)
  await expect(controls.getByRole('switch', { name: 'DPoP' })).toBeVisible()
  await expect(controls.getByRole('note').first()).toContainText('JWT-SVID')
})
