// The Content Security Policy: shipped in the built page and as a header, enforced, and the page and all
// three Monaco editors (workers, styles, fonts, squiggles) run under it with no violation reported.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { contentSecurityPolicy } from '../build/content-security-policy.ts'
import { expect, openPlayground, test } from './fixtures.ts'
import { DIST, waitForOfflineReady } from './service-worker.ts'

test.use({ serviceWorkers: 'allow' })

test('the built page carries the policy in a meta tag, holds no inline script, and preview sends it as a header', async ({
  request,
}) => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8')
  expect(html).toContain(
    `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy('meta')}" />`,
  )
  // The meta tag comes before every script and stylesheet, so it covers them all.
  expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'))
  for (const script of html.match(/<script\b[^>]*>[^<]*<\/script>/g) ?? []) {
    // A same-origin file, relative to the page (the build works under any base path).
    expect(script).toMatch(/\bsrc="\.?\/[^"/][^"]*"/)
    expect(script).toMatch(/>\s*<\/script>$/)
  }
  for (const path of ['/', '/sw.js', '/theme-init.js']) {
    const response = await request.get(path)
    expect(response.headers()['content-security-policy'], path).toBe(contentSecurityPolicy('header'))
    expect(response.headers()['x-content-type-options'], path).toBe('nosniff')
  }
})

test.describe('the policy is enforced', () => {
  // page.route can't see requests a service worker controls, and this test serves a probe script by route.
  test.use({ serviceWorkers: 'block' })

  test('injected inline script, inline handlers and eval do not run, and each is reported', async ({
    page,
    cspViolations,
    pageProblems,
  }) => {
    // A script from this origin that tries eval: allowed to load, not to evaluate strings.
    await page.route('**/tep-eval-probe.js', (route) =>
      route.fulfill({
        contentType: 'text/javascript',
        body: 'try { window.__tepEval = eval("true") } catch (error) { window.__tepEval = error.name }',
      }),
    )
    await openPlayground(page)
    await page.evaluate(async () => {
      const inline = document.createElement('script')
      inline.textContent = 'window.__tepInline = true'
      document.body.append(inline)
      const image = document.createElement('img')
      image.setAttribute('onerror', 'window.__tepHandler = true')
      image.src = '/no-such-image.png'
      document.body.append(image)
      const probe = document.createElement('script')
      probe.src = '/tep-eval-probe.js'
      await new Promise((resolve) => {
        probe.onload = resolve
        document.body.append(probe)
      })
    })
    expect(
      await page.evaluate(() => {
        const seen = window as unknown as Record<string, unknown>
        return { inline: seen.__tepInline, handler: seen.__tepHandler, evaluated: seen.__tepEval }
      }),
    ).toEqual({ inline: undefined, handler: undefined, evaluated: 'EvalError' })
    await expect
      // Each once per delivery: the meta tag and the header are two policies, both enforced.
      .poll(() => [...new Set(cspViolations.map((violation) => violation.split(' ')[0]))].sort())
      .toEqual(['script-src', 'script-src-attr', 'script-src-elem'])
    // Expected here; the shared guard would otherwise fail the test on them.
    cspViolations.length = 0
    pageProblems.splice(
      0,
      pageProblems.length,
      ...pageProblems.filter((text) => !/Content Security Policy|404/.test(text)),
    )
  })
})

/** Opens an editor and types into it: text without brackets, which Monaco would auto-close. */
async function typeInto(page: Page, button: string, editor: string, text: string) {
  await page.getByRole('button', { name: button }).first().click()
  const input = page.getByRole('textbox', { name: editor })
  await expect(input).toBeAttached({ timeout: 30_000 })
  await input.focus()
  await page.keyboard.press('ControlOrMeta+End')
  await page.keyboard.type(text)
}

test('the page and all three Monaco editors work under the policy with no violation reported', async ({
  page,
  cspViolations,
}) => {
  await openPlayground(page)
  await page.getByLabel('Scope', { exact: true }).fill('read:repo')
  await expect(page.getByLabel('Audit line', { exact: true })).toContainText('scope=read:repo ttl=600s')

  await typeInto(page, 'Edit request', 'Raw token request', '&scope=admin')
  await expect(page.getByRole('region', { name: 'Token response' })).toContainText(
    'is included more than once',
  )
  await typeInto(page, 'Tamper with token', 'Delegated token claims JSON', ' ')
  await typeInto(page, 'Scenario JSON', 'Scenario JSON', ' oops')
  const editor = page.getByRole('region', { name: 'Scenario JSON editor' })
  await expect(editor).toContainText('Not applied')
  // Monaco's JSON worker found the fault and drew a squiggle (a data: image in Monaco's CSS).
  await expect(editor.locator('.squiggly-error').first()).toBeAttached({ timeout: 30_000 })
  // Monaco's icon font came from this origin.
  await expect.poll(() => page.evaluate(() => document.fonts.check('16px codicon'))).toBe(true)
  // The service worker (worker-src) registered under the policy too.
  await waitForOfflineReady(page)
  expect(cspViolations).toEqual([])
})
