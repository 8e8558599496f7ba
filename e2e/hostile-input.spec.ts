// Hostile input: script payloads in every string field of a scenario render as inert text, whether they
// come by link or by pasted JSON; oversized pastes and links are refused at once with a message, and the
// page stays responsive; a token built to overflow the stack is shown as unreadable, not a crash.
import type { Page } from '@playwright/test'
import { base64url } from 'jose'
import { encodePermalink } from '../src/core/playground/scenario/encode-permalink.ts'
import { SEED_SCENARIO } from '../src/core/playground/scenario/seed-scenario.ts'
import { expect, openPlayground, pasteInto, test } from './fixtures.ts'

const PAYLOADS = [
  '<script>alert("script")</script>',
  '"><img src=x onerror=alert("img")>',
  "javascript:alert('url')",
  `{{constructor.constructor('alert("template")')()}}`,
  '<svg onload=alert("svg")>',
  `<a href="javascript:alert('link')">link</a>`,
  "${alert('literal')}",
  '{{7*191}}',
  `<iframe srcdoc="<script>alert('frame')</script>">`,
  '</textarea><script>alert("textarea")</script>',
]

/**
 * The seed with every string replaced by a payload (cycling through them), every list of strings too,
 * and the empty lists of the seed filled with payloads, so no string field of the Scenario type is missed.
 */
function hostileScenario() {
  let next = 0
  const payload = () => PAYLOADS[next++ % PAYLOADS.length]!
  // In place, depth first: enum fields get payloads too, which the page's restore resets to the seed's.
  const fill = (node: object) => {
    for (const key of Object.keys(node)) {
      const field: unknown = Reflect.get(node, key)
      if (typeof field === 'string') Reflect.set(node, key, payload())
      else if (typeof field === 'object' && field !== null) fill(field)
    }
  }
  const scenario = structuredClone(SEED_SCENARIO)
  fill(scenario)
  scenario.user.priorActors = [{ sub: payload(), azp: payload(), iss: payload(), attestation: payload() }]
  scenario.request.resources = [payload(), `https://${payload()}`]
  scenario.user.mayAct = payload()
  scenario.edits = {
    rawTokenRequest: `POST /token HTTP/1.1\nHost: idp.lab.marwandiallo.com\nX-Note: ${payload()}\nContent-Type: application/x-www-form-urlencoded\n\ngrant_type=${encodeURIComponent(payload())}&scope=${payload()}`,
    tamperedClaims: JSON.stringify({ sub: payload(), scope: payload(), [payload()]: payload() }),
  }
  return scenario
}

/** Fails the test on any dialog the page opens (alert, confirm, prompt). */
function noDialogs(page: Page): string[] {
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`)
    void dialog.dismiss()
  })
  return dialogs
}

/** Nothing from a payload became markup: no handlers, no javascript: URLs, no frames, no foreign scripts. */
async function expectInert(page: Page) {
  const found = await page.evaluate(() => {
    const all = [...document.querySelectorAll('*')]
    return {
      handlers: all.flatMap((element) =>
        [...element.attributes]
          .filter((a) => a.name.startsWith('on'))
          .map((a) => `${element.tagName} ${a.name}`),
      ),
      javascriptUrls: all.flatMap((element) =>
        [...element.attributes]
          .filter((a) => /^\s*javascript:/i.test(a.value) && a.name !== 'value')
          .map((a) => `${element.tagName} ${a.name}`),
      ),
      injected: document.querySelectorAll('iframe, object, embed, img[src="x"], svg[onload], main script')
        .length,
      scripts: [...document.scripts].map(
        (script) => new URL(script.src || 'inline:', location.href).pathname,
      ),
    }
  })
  expect(found.handlers).toEqual([])
  expect(found.javascriptUrls).toEqual([])
  expect(found.injected).toBe(0)
  // Only the build's own: the theme script and the entry module.
  for (const script of found.scripts) expect(script).toMatch(/^\/(theme-init\.js|assets\/index-[\w-]+\.js)$/)
  // A template engine would have turned {{7*191}} into 1337.
  expect(await page.locator('body').innerText()).not.toContain('1337')
}

test('a link with a script payload in every string field renders each one as inert text', async ({
  page,
}) => {
  const dialogs = noDialogs(page)
  const hostile = hostileScenario()
  const { fragment } = await encodePermalink(hostile)
  await page.goto(`/#${fragment}`)
  // Nothing in it is in policy: the IdP refuses, and says so.
  await expect(page.getByRole('region', { name: 'Token response' })).toContainText('HTTP/1.1 400')
  await expect(page.getByLabel('User', { exact: true })).toHaveValue(hostile.user.sub)
  await expect(page.getByLabel('Actor', { exact: true })).toHaveValue(hostile.actor.spiffeId)
  await expect(page.getByLabel('Scope', { exact: true })).toHaveValue(hostile.request.scope)
  await expect(page.getByRole('region', { name: 'RFC 8693 request' })).toContainText(hostile.request.scope)
  // The whole scenario, every field, shown in Monaco too.
  await page.getByRole('button', { name: 'Scenario JSON' }).click()
  await expect(
    page.getByRole('region', { name: 'Scenario JSON editor' }).locator('.view-lines'),
  ).toContainText('alert', { timeout: 15_000 })
  await expectInert(page)
  expect(dialogs).toEqual([])
})

test('pasted scenario JSON with payloads everywhere, a hand-edited request and unknown keys stays inert', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const dialogs = noDialogs(page)
  await openPlayground(page)
  const hostile = { ...hostileScenario(), [PAYLOADS[1]!]: PAYLOADS[0] }
  await page.getByRole('button', { name: 'Scenario JSON' }).click()
  const input = page.getByRole('textbox', { name: 'Scenario JSON' })
  await expect(input).toBeAttached({ timeout: 30_000 })
  await input.focus()
  await page.evaluate((text) => navigator.clipboard.writeText(text), JSON.stringify(hostile, null, 2))
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.press('ControlOrMeta+V')
  // The unknown key is named, as text, in the list of what was ignored.
  await expect(page.getByRole('region', { name: 'Scenario JSON editor' })).toContainText(
    `Ignored unknown field "${PAYLOADS[1]}"`,
  )
  // The hand-edited request is what the IdP received, its header shown as text.
  const note = /X-Note: (.*)/.exec(hostile.edits.rawTokenRequest!)![1]!
  await expect(page.getByRole('region', { name: 'RFC 8693 request' })).toContainText(note)
  await page.getByRole('button', { name: 'Edit request' }).click()
  await page.getByRole('button', { name: 'Tamper with token' }).click()
  await expect(page.getByRole('textbox', { name: 'Raw token request' })).toBeAttached()
  await expectInert(page)
  expect(dialogs).toEqual([])
})

test('claims nested 20,000 levels deep are refused as malformed, by the API, the IdP and the JSON editors, without a crash', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await openPlayground(page)
  const depth = 20_000
  const claims = `{"a":${'['.repeat(depth)}${']'.repeat(depth)}}`
  const paste = (button: string, editor: string, text: string) => pasteInto(page, button, editor, text)

  // Into a JSON editor: refused at the door, since Monaco's JSON worker would overflow its stack on it.
  await paste('Tamper with token', 'Delegated token claims JSON', claims)
  await expect(page.getByRole('alert').filter({ hasText: 'Not pasted' })).toContainText(
    'nests more than 1,000 levels deep',
  )
  await expect(page.getByRole('button', { name: 'Reset token' }).first()).toBeDisabled()

  // As the tampered claims of a scenario (a string there, so no editor parses it): the API refuses the
  // token as malformed, and the claims pane has nothing too deep to draw.
  const scenario = { version: 1, edits: { tamperedClaims: claims } }
  await paste('Scenario JSON', 'Scenario JSON', JSON.stringify(scenario))
  await expect(page.getByLabel('Audit line', { exact: true })).toContainText('error=invalid_token')
  await expect(page.getByRole('region', { name: 'Audit log' })).toContainText(
    'Access token is not a well-formed JWT',
  )

  // As the subject token of a hand-edited request: the IdP refuses it.
  const token = `${base64url.encode('{"alg":"ES256","typ":"at+jwt"}')}.${base64url.encode(claims)}.c2ln`
  const raw = `POST /token HTTP/1.1\nHost: idp.lab.marwandiallo.com\nContent-Type: application/x-www-form-urlencoded\n\ngrant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange&subject_token=${token}&subject_token_type=urn%3Aietf%3Aparams%3Aoauth%3Atoken-type%3Aaccess_token`
  await paste('Edit request', 'Raw token request', raw)
  await expect(page.getByRole('region', { name: 'Token response' })).toContainText(
    'subject_token is not a well-formed JWT',
  )
  await expect(page.getByText('Something broke')).toHaveCount(0)
})

test.describe('oversized input is refused at once, with a message, and the page stays responsive', () => {
  /**
   * A control still answers: the main thread is not stuck. The outcome is asserted, not its speed, so a
   * busy machine can't fail it; a page stuck parsing 10 MB would never answer within the expect timeout.
   */
  async function expectResponsive(page: Page) {
    const offset = page.getByLabel('Clock offset', { exact: true })
    const before = Number(await offset.inputValue())
    await page.getByRole('button', { name: 'Move clock +10 min' }).click()
    await expect(offset).toHaveValue(String(before + 600))
  }

  /** Pastes the clipboard over everything in the focused field, and expects the refusal notice. */
  async function pasteRefused(page: Page) {
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.press('ControlOrMeta+V')
    const notice = page.getByRole('alert').filter({ hasText: 'Not pasted' })
    await expect(notice).toContainText('Not pasted: that text is 10 MiB')
    await notice.getByRole('button', { name: 'Dismiss' }).click()
    await expect(notice).toHaveCount(0)
  }

  test('a 10 MB paste into a field, the Scenario JSON editor or the "Edit request" editor', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    await openPlayground(page)
    await page.evaluate((size) => navigator.clipboard.writeText('x'.repeat(size)), 10 * 1024 * 1024)

    const scope = page.getByLabel('Scope', { exact: true })
    await scope.focus()
    await pasteRefused(page)
    await expect(scope).toHaveValue(SEED_SCENARIO.request.scope)
    await expectResponsive(page)

    for (const [open, name] of [
      ['Scenario JSON', 'Scenario JSON'],
      ['Edit request', 'Raw token request'],
    ] as const) {
      await page.getByRole('button', { name: open }).first().click()
      const editor = page.getByRole('textbox', { name })
      await expect(editor).toBeAttached({ timeout: 30_000 })
      await editor.focus()
      await pasteRefused(page)
      await expectResponsive(page)
    }
    // Neither editor took the text: the scenario JSON was not replaced, the request was not hand-edited.
    await expect(page.getByText('Not applied')).toHaveCount(0)
    await expect(page.getByRole('button', { name: 'Reset request' }).first()).toBeDisabled()
  })

  test('a 1 MB link', async ({ page }) => {
    await page.goto(`/#s=1.${'A'.repeat(1024 * 1024)}`)
    await expect(page.getByRole('alert')).toContainText('longer than 16 KiB and was not read')
    await expect(page.getByLabel('Scope', { exact: true })).toHaveValue(SEED_SCENARIO.request.scope)
    await expectResponsive(page)
  })
})
