// An example of what an agent builder puts in CI: the sandbox as the IdP, the agent under test, the audit line as evidence.
// In your own project, import from 'token-exchange-playground/sandbox' instead of the relative path.
import * as oauth from 'oauth4webapi'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { startSandbox, type TestSandbox } from '../sandbox/index.ts'

/** The agent under test: exchanges the user's token for a DPoP-bound one, then reads a repository. */
async function codeReviewerAgent(issuer: string, userToken: string, workloadToken: string) {
  const http = { [oauth.allowInsecureRequests]: true } as const // the sandbox is plain HTTP on loopback
  const as = await oauth.processDiscoveryResponse(
    new URL(issuer),
    await oauth.discoveryRequest(new URL(issuer), { algorithm: 'oauth2', ...http }),
  )
  const client: oauth.Client = { client_id: 'a_code_reviewer' }
  const DPoP = oauth.DPoP(client, await oauth.generateKeyPair('ES256'))
  const { access_token } = await oauth.processGenericTokenEndpointResponse(
    as,
    client,
    await oauth.genericTokenEndpointRequest(
      as,
      client,
      oauth.None(),
      'urn:ietf:params:oauth:grant-type:token-exchange',
      {
        subject_token: userToken,
        subject_token_type: 'urn:ietf:params:oauth:token-type:access_token',
        actor_token: workloadToken,
        actor_token_type: 'urn:ietf:params:oauth:token-type:jwt',
        audience: 'api.github.com',
        scope: 'read:repo',
      },
      { DPoP, ...http },
    ),
  )
  const url = new URL('/api/repos/marwan/playground', issuer)
  return oauth.protectedResourceRequest(access_token, 'GET', url, undefined, undefined, { DPoP, ...http })
}

let sandbox: TestSandbox
beforeAll(async () => {
  sandbox = await startSandbox() // the seed policy, fresh keys, a free port
})
afterAll(() => sandbox.stop())

test('the agent reads the repository on the user’s behalf, and the audit line names both', async () => {
  const userToken = await sandbox.mintSubjectToken({ sub: 'u_marwan', scope: 'read:repo write:issues' })
  const workloadToken = await sandbox.mintActorToken({ spiffeId: 'spiffe://prod/agent/code-reviewer/v3' })

  const response = await codeReviewerAgent(sandbox.issuer, userToken, workloadToken)

  expect(response.status).toBe(200)
  expect(await response.json()).toMatchObject({ repository: 'marwan/playground' })
  const served = (await sandbox.auditLines()).filter((entry) => entry.by === 'resource-server')
  expect(served).toHaveLength(1)
  expect(served[0]!.line).toContain('principal=u_marwan acting_as=spiffe://prod/agent/code-reviewer/v3')
  expect(served[0]!.line).toContain('aud=api.github.com scope=read:repo')
  expect(served[0]!.line).not.toContain('decision=deny')
})
