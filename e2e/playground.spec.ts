// What a person does in the playground: read the seed, change the scope, the audience, the actor token,
// tamper with the token, and watch every pane follow.
import { expect, openPlayground, test } from './fixtures.ts'

const AGENT = 'spiffe://prod/agent/code-reviewer/v3'
const SEED_AUDIT =
  'principal=u_marwan acting_as=spiffe://prod/agent/code-reviewer/v3 attestation=github-oidc aud=api.github.com scope="read:repo write:issues" ttl=600s'

test.beforeEach(async ({ page }) => {
  await openPlayground(page)
})

test('a first visit shows the seed: the user as sub, the agent as act.sub, and the audit line', async ({
  page,
}) => {
  const claims = page.getByRole('region', { name: 'Delegated token claims' })
  await expect(claims.getByRole('listitem', { name: 'sub', exact: true })).toContainText('u_marwan')
  await expect(claims.getByRole('listitem', { name: 'act.sub', exact: true })).toContainText(AGENT)
  await expect(claims.getByRole('listitem', { name: 'act', exact: true })).toContainText('actor token')
  await expect(page.getByLabel('Audit line', { exact: true })).toContainText(SEED_AUDIT)
  await expect(page.getByRole('region', { name: 'Token response' })).toContainText('HTTP/1.1 200 OK')
  await expect(page.getByRole('region', { name: 'Checks' })).not.toContainText('failed')
})

test('editing the scope changes the request body, the scope claim and the audit line', async ({ page }) => {
  const scope = page.getByLabel('Scope', { exact: true })
  await scope.fill('')
  // Typed key by key: every keystroke starts a run, and only the last one may land.
  await scope.pressSequentially('read:repo')
  const request = page.getByRole('region', { name: 'RFC 8693 request' })
  await expect(request).toContainText('scope=read:repo\n')
  await expect(request).not.toContainText('write:issues')
  const claims = page.getByRole('region', { name: 'Delegated token claims' })
  await expect(claims.getByRole('listitem', { name: 'scope', exact: true })).toContainText(
    /read:repo(?! write)/,
  )
  await expect(page.getByLabel('Audit line', { exact: true })).toContainText('scope=read:repo ttl=600s')
})

test('granted scopes toggle tokens in and out of the scope', async ({ page }) => {
  const scope = page.getByLabel('Scope', { exact: true })
  await page.getByRole('button', { name: 'write:issues', exact: true }).click()
  await expect(scope).toHaveValue('read:repo')
  await page.getByRole('button', { name: 'write:repo', exact: true }).click()
  await expect(scope).toHaveValue('read:repo write:repo')
  // write:repo is granted but outside policy at api.github.com: refused, and the error sits by the Scope field.
  await expect(page.getByRole('region', { name: 'Token response' })).toContainText('invalid_scope')
  await expect(scope).toHaveAttribute('aria-invalid', 'true')
})

test('an audience outside policy is refused with invalid_target, and the denial is logged', async ({
  page,
}) => {
  const audience = page.getByLabel('Audience', { exact: true })
  await audience.fill('evil.example.com')
  const response = page.getByRole('region', { name: 'Token response' })
  await expect(response).toContainText('invalid_target')
  await expect(response).toContainText('HTTP/1.1 400 Bad Request')
  await expect(audience).toHaveAttribute('aria-invalid', 'true')
  const audit = page.getByLabel('Audit line', { exact: true })
  await expect(audit).toContainText('decision=deny')
  await expect(audit).toContainText('error=invalid_target')
  // The last issued token stays on screen, marked as such, rather than the pane going blank.
  await expect(page.getByRole('region', { name: 'Delegated token claims' })).toContainText(
    'No token was issued for this request',
  )
})

test('without the actor token, act disappears and the audit line reads as impersonation', async ({
  page,
}) => {
  await page.getByLabel('Send actor token', { exact: true }).uncheck()
  const claims = page.getByRole('region', { name: 'Delegated token claims' })
  await expect(claims.getByRole('listitem', { name: 'act', exact: true })).toHaveCount(0)
  await expect(claims.getByRole('listitem', { name: 'sub', exact: true })).toContainText('u_marwan')
  const audit = page.getByLabel('Audit line', { exact: true })
  await expect(audit).toContainText('principal=u_marwan aud=api.github.com')
  await expect(audit).not.toContainText('acting_as')
  await expect(page.getByRole('region', { name: 'Input tokens' })).toContainText('No actor token sent')
  await expect(page.getByRole('group', { name: 'Encoded actor token' })).toHaveCount(0)
})

test('moving the clock an hour ahead lets the input tokens expire', async ({ page }) => {
  await page.getByRole('button', { name: 'Move clock +1 h' }).click()
  await expect(page.getByLabel('Clock offset', { exact: true })).toHaveValue('3600')
  await expect(page.getByRole('region', { name: 'Token response' })).toContainText('HTTP/1.1 400')
  await page.getByRole('button', { name: 'Reset clock' }).click()
  await expect(page.getByRole('region', { name: 'Token response' })).toContainText('HTTP/1.1 200 OK')
})

test('long tokens are shortened and expand from the keyboard', async ({ page }) => {
  const request = page.getByRole('region', { name: 'RFC 8693 request' })
  const expand = request.getByRole('button', { name: 'Show all of subject_token' })
  await expand.focus()
  await page.keyboard.press('Enter')
  await expect(request.getByRole('button', { name: 'Show less of subject_token' })).toHaveAttribute(
    'aria-expanded',
    'true',
  )
  const encoded = await page.getByRole('group', { name: 'Encoded subject token' }).textContent()
  await expect(request).toContainText(`subject_token=${encoded}`)
})

test('copy buttons say "Copied"', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const request = page.getByRole('region', { name: 'RFC 8693 request' })
  await request.getByRole('button', { name: 'Copy as curl' }).click()
  await expect(request.getByRole('button', { name: 'Copy as curl' })).toContainText('Copied')
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  expect(copied).toContain("curl -X POST 'https://idp.lab.marwandiallo.com/token'")
})

test('when the IdP demands a DPoP nonce, the first attempt and the retry are both shown', async ({
  page,
}) => {
  await page.getByLabel('Require a nonce', { exact: true }).check()
  const request = page.getByRole('region', { name: 'RFC 8693 request' })
  await expect(request.getByText('Attempt 1 of 2: answered 400 use_dpop_nonce')).toBeVisible()
  await expect(page.getByRole('region', { name: 'Token response' })).toContainText('HTTP/1.1 200 OK')
  await expect(page.getByRole('region', { name: 'Input tokens' })).toContainText('"nonce"')
  await expect(page.getByRole('status', { name: 'Outcome' })).toContainText('the API accepted it')
})
