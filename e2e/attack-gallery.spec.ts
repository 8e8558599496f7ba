// The attack gallery: every attack is a card that loads it and shows where it is stopped, and each
// "Defence on" switch turned off runs the same attack against a vulnerable server that accepts it.
import { galleryAttacks } from '../src/core/playground/scenario/defence-switches.ts'
import { expect, openPlayground, test } from './fixtures.ts'

const WHO: Record<string, string> = {
  idp: 'The IdP refused the exchange',
  'resource-server': 'the resource server refused it',
}

test.beforeEach(async ({ page }) => {
  await openPlayground(page)
})

for (const attack of galleryAttacks('delegation')) {
  const outcome = attack.outcome
  test(`${attack.title}: the card loads it refused by the ${outcome.refusedBy}; with its defence off, a vulnerable server accepts it`, async ({
    page,
  }) => {
    const gallery = page.getByRole('region', { name: 'Attack gallery' })
    const status = page.getByRole('status', { name: 'Outcome' })
    const audit = page.getByRole('region', { name: 'Audit log' })
    const card = gallery.getByRole('listitem', { name: attack.title, exact: true })
    await expect(card).toContainText(outcome.reason)

    await card.getByRole('button', { name: attack.title, exact: true }).click()
    await expect(status).toContainText(`${WHO[outcome.refusedBy] ?? outcome.refusedBy}: ${outcome.error}`)
    await expect(page.getByLabel('Audit line', { exact: true })).toContainText(
      `decision=deny error=${outcome.error}`,
    )
    await expect(audit.getByRole('note', { name: 'Vulnerable server' })).toHaveCount(0)

    const defence = card.getByRole('switch', { name: `Defence on: ${attack.title}` })
    await expect(defence).toBeChecked()
    await defence.uncheck()
    await expect(status).toContainText('VULNERABLE SERVER')
    await expect(status).toContainText(outcome.reason)
    await expect(page.getByLabel('Audit line', { exact: true })).not.toContainText('decision=deny')
    await expect(audit.getByRole('note', { name: 'Vulnerable server' }).first()).toContainText(
      `VULNERABLE SERVER (defence off: ${outcome.reason})`,
    )
    await expect(page.getByRole('region', { name: 'Checks' })).toContainText('skipped (defence off)')

    await defence.check()
    await expect(status).toContainText(`${WHO[outcome.refusedBy] ?? outcome.refusedBy}: ${outcome.error}`)
  })
}

test('a link carries a switched-off defence: the page opens on the vulnerable run', async ({ page }) => {
  const gallery = page.getByRole('region', { name: 'Attack gallery' })
  await gallery.getByRole('switch', { name: 'Defence on: Stolen token without the DPoP key' }).uncheck()
  const status = page.getByRole('status', { name: 'Outcome' })
  await expect(status).toContainText('VULNERABLE SERVER (defence off: dpop.key_mismatch)')
  await expect.poll(() => page.evaluate(() => location.hash)).not.toBe('')
  const url = page.url()
  await page.goto('about:blank')
  await page.goto(url)
  await expect(page.getByRole('status', { name: 'Outcome' })).toContainText(
    'VULNERABLE SERVER (defence off: dpop.key_mismatch)',
  )
  await expect(
    page
      .getByRole('region', { name: 'Attack gallery' })
      .getByRole('switch', { name: 'Defence on: Stolen token without the DPoP key' }),
  ).not.toBeChecked()
})

test('cards and switches work from the keyboard, with a visible focus', async ({ page }) => {
  const gallery = page.getByRole('region', { name: 'Attack gallery' })
  const load = gallery.getByRole('button', { name: 'Replayed DPoP proof', exact: true })
  await load.focus()
  const outline = () => page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)
  await page.keyboard.press('Tab')
  await page.keyboard.press('Shift+Tab')
  await expect(load).toBeFocused()
  expect(await outline()).not.toBe('none')
  await page.keyboard.press('Enter')
  const status = page.getByRole('status', { name: 'Outcome' })
  await expect(status).toContainText('the resource server refused it: invalid_dpop_proof')

  const defence = gallery.getByRole('switch', { name: 'Defence on: Replayed DPoP proof' })
  await defence.focus()
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('Tab')
  await expect(defence).toBeFocused()
  expect(await outline()).not.toBe('none')
  await page.keyboard.press('Space')
  await expect(defence).not.toBeChecked()
  await expect(status).toContainText('VULNERABLE SERVER (defence off: dpop.replayed)')
})
