// The story at a glance: the sequence view, "What to look at", the narrowing ledger, and a page that leads with the result.
import type { Page } from '@playwright/test'
import { expect, openPlayground, test } from './fixtures.ts'

const steps = (page: Page) =>
  page.getByRole('region', { name: 'Sequence', exact: true }).getByRole('list', { name: 'Steps' })

test('on first load at 1440×900 the sequence, what to look at and the audit line are on the first screen', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 })
  await openPlayground(page)
  await expect(page.getByRole('region', { name: 'Sequence', exact: true })).toBeInViewport()
  await expect(page.getByRole('region', { name: 'What to look at', exact: true })).toBeInViewport()
  await expect(page.getByRole('status', { name: 'Outcome' })).toBeInViewport()
  await expect(page.getByLabel('Audit line', { exact: true })).toBeInViewport()
})

test('the sequence lists the agent’s calls to the IdP and to the resource server, with their statuses', async ({
  page,
}) => {
  await openPlayground(page)
  const list = steps(page)
  await expect(list.getByRole('listitem').filter({ hasText: 'agent → IdP: POST /token → 200' })).toHaveCount(
    1,
  )
  await expect(
    list
      .getByRole('listitem')
      .filter({ hasText: 'agent → resource server: GET /repos/marwan/playground → 200' }),
  ).toHaveCount(1)
})

test('an audience outside policy stops at the IdP with invalid_target; later steps are not reached', async ({
  page,
}) => {
  await openPlayground(page)
  await page.getByLabel('Audience', { exact: true }).fill('evil.example.com')
  const list = steps(page)
  const idp = list.getByRole('listitem').filter({ hasText: 'agent → IdP: POST /token' })
  await expect(idp).toContainText('400 invalid_target')
  await expect(idp).toContainText('target.')
  await expect(list.getByRole('listitem').last()).toContainText('agent → resource server: not reached')
})

test('with no actor token, "What to look at" says the agent is not recorded', async ({ page }) => {
  await openPlayground(page)
  const look = page.getByRole('region', { name: 'What to look at', exact: true })
  await expect(look).toContainText('act.sub')
  await page.getByLabel('Send actor token', { exact: true }).uncheck()
  await expect(look).toContainText('the agent is not recorded')
  await expect(look).not.toContainText('act.sub')
})

test('choosing a step, by keyboard, moves focus to its pane', async ({ page }) => {
  await openPlayground(page)
  const call = steps(page).getByRole('button', { name: /agent → resource server/ })
  await call.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('region', { name: 'Resource request', exact: true })).toBeFocused()
  await steps(page)
    .getByRole('button', { name: /agent → IdP/ })
    .click()
  await expect(page.getByRole('region', { name: 'RFC 8693 request', exact: true })).toBeFocused()
})

test('a claim named in "What to look at" leads to that claim in the claims pane', async ({ page }) => {
  await openPlayground(page)
  await page
    .getByRole('region', { name: 'What to look at', exact: true })
    .getByRole('link', { name: 'sub', exact: true })
    .click()
  await expect(
    page
      .getByRole('region', { name: 'Delegated token claims' })
      .getByRole('listitem', { name: 'sub', exact: true }),
  ).toBeFocused()
})

test('the narrowing ledger shows scope, aud and lifetime before and after', async ({ page }) => {
  await openPlayground(page)
  const ledger = page.getByRole('region', { name: 'Narrowing', exact: true })
  const row = (name: string) => ledger.getByRole('row', { name: new RegExp(`^${name}\\b`) })
  await expect(row('scope')).toContainText('read:repo write:repo write:issues read:org')
  await expect(row('scope')).toContainText('read:repo write:issues')
  await expect(row('aud')).toContainText('https://idp.lab.marwandiallo.com')
  await expect(row('aud')).toContainText('api.github.com')
  // The seed's subject token was issued a minute before the run; by the time the page reads it, 58 or 59
  // whole minutes remain, depending on where in the minute the run happened.
  await expect(row('lifetime')).toContainText(/5[89] min left/)
  await expect(row('lifetime')).toContainText('10 min')
})

test('the resource request has its own pane with the DPoP proof and the Authorization header', async ({
  page,
}) => {
  await openPlayground(page)
  const pane = page.getByRole('region', { name: 'Resource request', exact: true })
  const request = pane.getByRole('group', { name: 'Resource request' })
  await expect(request).toContainText('Authorization: DPoP ')
  await expect(request).toContainText('DPoP: ey')
  await expect(pane.getByRole('group', { name: 'Resource response' })).toContainText('200')
})

test('at 375 px the outcome comes before the controls, which are one tap away, and nothing scrolls sideways', async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 800 })
  await openPlayground(page)
  const outcome = page.getByRole('status', { name: 'Outcome' })
  const controls = page.getByRole('complementary', { name: 'Controls' })
  const before = await outcome.evaluate(
    (node, other) => Boolean(node.compareDocumentPosition(other!) & Node.DOCUMENT_POSITION_FOLLOWING),
    await controls.elementHandle(),
  )
  expect(before).toBe(true)
  await expect(page.getByRole('region', { name: 'Sequence', exact: true })).toBeVisible()
  await page.getByRole('link', { name: 'Edit scenario' }).click()
  await expect(controls.getByLabel('Preset', { exact: true })).toBeInViewport()
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow).toBeLessThanOrEqual(0)
})
