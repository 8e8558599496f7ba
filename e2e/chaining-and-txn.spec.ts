// Identity chaining and transaction tokens on the page: each flow's happy path, and every attack's refusal.
import { CHAINING_ATTACK_PRESETS } from '../src/core/playground/scenario/chaining-presets'
import { TXN_ATTACK_PRESETS } from '../src/core/playground/scenario/txn-presets'
import { FLOW_LABELS } from '../src/core/playground/flows/flow-labels'
import { flowOf } from '../src/core/playground/scenario/defence-switches'
import { expect, openPlayground, test } from './fixtures'

const AGENT = 'spiffe://prod/agent/code-reviewer/v3'

test.describe('identity chaining and transaction tokens', () => {
  test.beforeEach(async ({ page }) => openPlayground(page))

  test('identity chaining reaches domain B’s API with the act chain intact after both hops', async ({
    page,
  }) => {
    await page
      .getByLabel('Preset', { exact: true })
      .selectOption({ label: 'Identity chaining: domain A → domain B' })
    await expect(page.getByRole('status', { name: 'Outcome' })).toContainText(
      'Every step was accepted; last, agent → domain B RS: GET /repos/marwan/playground → 200',
    )
    const steps = page.getByRole('region', { name: 'Sequence' }).getByRole('listitem')
    await expect(steps.filter({ hasText: 'agent → domain A AS: POST /chaining/token → 200' })).toContainText(
      `sub u_marwan → marwan@lab.marwandiallo.com; act ${AGENT} kept`,
    )
    await expect(steps.filter({ hasText: 'agent → domain B AS: POST /token → 200' })).toContainText(
      `sub marwan@lab.marwandiallo.com → b-user-7731; act ${AGENT} kept`,
    )
    await expect(
      steps.filter({ hasText: 'agent → domain B RS: GET /repos/marwan/playground → 200' }),
    ).toHaveCount(1)
    // The token the agent presented last is domain B's: B's own user, and the same agent in act.
    const claims = page.getByRole('region', { name: 'Delegated token claims' })
    await expect(claims.getByRole('listitem', { name: 'sub', exact: true })).toContainText('b-user-7731')
    await expect(claims.getByRole('listitem', { name: 'act.sub', exact: true })).toContainText(AGENT)
    await expect(page.getByLabel('Audit line', { exact: true })).toContainText(
      `principal=b-user-7731 acting_as=${AGENT}`,
    )
  })

  test('transaction tokens reach service B, whose audit line names the user and the agent', async ({
    page,
  }) => {
    await page
      .getByLabel('Preset', { exact: true })
      .selectOption({ label: 'Transaction tokens: gateway → service A → service B' })
    await expect(page.getByRole('status', { name: 'Outcome' })).toContainText(
      'Every step was accepted; last, service A → service B: GET /diff → 200',
    )
    // The call graph, in the order the calls were made.
    await expect(page.getByRole('region', { name: 'Sequence' }).getByRole('listitem')).toContainText([
      'agent → IdP: POST /token → 200',
      'agent → API gateway: POST /reviews → 200',
      'API gateway → Transaction Token Service: POST /token → 200',
      'API gateway → service A: POST /review → 200',
      'service A → Transaction Token Service: POST /token → 200',
      'service A → service B: GET /diff → 200',
    ])
    await expect(page.getByLabel('Audit line', { exact: true })).toContainText(
      `principal=u_marwan acting_as=${AGENT}`,
    )
    const claims = page.getByRole('region', { name: 'Delegated token claims' })
    await expect(claims.getByRole('listitem', { name: 'act.sub', exact: true })).toContainText(AGENT)
  })

  test('the Flow control lists both flows and switches to each', async ({ page }) => {
    const sequence = page.getByRole('region', { name: 'Sequence' })
    await page.getByLabel('Flow', { exact: true }).selectOption({ label: 'Identity chaining across domains' })
    await expect(sequence).toContainText('agent → domain B AS: POST /token → 200')
    await page
      .getByLabel('Flow', { exact: true })
      .selectOption({ label: 'Transaction tokens inside a domain' })
    await expect(sequence).toContainText('service A → service B: GET /diff → 200')
  })

  for (const preset of [...CHAINING_ATTACK_PRESETS, ...TXN_ATTACK_PRESETS])
    test(`${preset.title}: its card gives the refusal (${preset.stop!.reason}); with its defence off a vulnerable server accepts it`, async ({
      page,
    }) => {
      const reason = preset.stop!.reason
      await page.getByLabel('Flow', { exact: true }).selectOption({ label: FLOW_LABELS[flowOf(preset)] })
      const card = page
        .getByRole('region', { name: 'Attack gallery' })
        .getByRole('listitem', { name: preset.title, exact: true })
      await card.getByRole('button', { name: preset.title, exact: true }).click()
      const outcome = page.getByRole('status', { name: 'Outcome' })
      await expect(outcome).toContainText(`${preset.outcome!.error} (${reason})`)
      await expect(outcome).toContainText('refused')
      // The step where it stopped carries the reason in "Sequence".
      await expect(page.getByRole('region', { name: 'Sequence' })).toContainText(`reason ${reason}`)

      const defence = card.getByRole('switch', { name: `Defence on: ${preset.title}` })
      await defence.uncheck()
      await expect(outcome).toContainText(`VULNERABLE SERVER (defence off: ${reason})`)
      await expect(page.getByRole('region', { name: 'Checks' })).toContainText('skipped (defence off)')
      await defence.check()
      await expect(outcome).toContainText(`${preset.outcome!.error} (${reason})`)
    })
})
