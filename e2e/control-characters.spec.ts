// What was sent is what is shown: control characters in a request parameter are drawn as visible
// escapes, so a value holding a line break can't pass for a second parameter line.
import { IDP_ISSUER } from '../src/core/playground/scenario/seed-scenario.ts'
import { expect, openPlayground, pasteInto, test } from './fixtures.ts'

test('a client_id holding "\\nscope=admin:org" shows as one line with a visible \\n, not as a second scope line', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await openPlayground(page)
  const raw = [
    'POST /token HTTP/1.1',
    `Host: ${new URL(IDP_ISSUER).host}`,
    'Content-Type: application/x-www-form-urlencoded',
    '',
    'grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange&client_id=a_code_reviewer%0Ascope%3Dadmin%3Aorg%00&scope=read%3Arepo',
  ].join('\n')
  await pasteInto(page, 'Edit request', 'Raw token request', raw)

  const request = page.getByRole('group', { name: 'Token request', exact: true })
  await expect(request).toContainText('client_id=a_code_reviewer\\nscope=admin:org\\u0000')
  const lines = (await request.innerText()).split('\n')
  expect(lines).toContain('client_id=a_code_reviewer\\nscope=admin:org\\u0000')
  expect(lines.filter((line) => line.startsWith('scope='))).toEqual(['scope=read:repo'])
  // The escapes are marked as such, apart from text that was typed.
  await expect(request.getByTitle('control character, shown escaped')).toHaveText(['\\n', '\\u0000'])
})
