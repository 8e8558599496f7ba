import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { RunningSandbox } from './start-sandbox.ts'
import { demoTokens, exchangeForm, postForm, startTestSandbox } from './sandbox-fixture.ts'

let sandbox: RunningSandbox
beforeAll(async () => {
  sandbox = await startTestSandbox()
})
afterAll(() => sandbox.close())

describe('the token endpoint over HTTP and client_id', () => {
  test("an unknown client_id with a registered workload's actor token is 401 invalid_client, not a token", async () => {
    const { subject, actor } = await demoTokens(sandbox.issuer)
    const response = await postForm(
      `${sandbox.issuer}/token`,
      exchangeForm(subject, actor, { client_id: 'evil_client' }),
    )
    expect(response.status).toBe(401)
    expect(await response.json()).toEqual({
      error: 'invalid_client',
      error_description: 'Unknown client: client "evil_client" is not registered',
    })
    const { lines } = (await (await fetch(`${sandbox.issuer}/audit`)).json()) as { lines: { line: string }[] }
    expect(lines.at(-1)!.line).toMatch(/decision=deny error=invalid_client /)
  })
})
