// The resource server's denial line names who a refused token claimed to be, never as verified fields.
import { describe, expect, test } from 'vitest'
import { formatAuditLine } from '../audit/format-audit-line.ts'
import { claims, dpopRequest, mint, NOW, REVIEWER, server } from './resource-server-fixture.ts'

describe('resource server denial lines', () => {
  test('an expired token is logged with its claimed user and agent, not as principal/acting_as', async () => {
    const { handler, audits } = server()
    const token = await mint(claims({ iat: NOW - 700, exp: NOW - 100 }))
    await handler(await dpopRequest(token))
    expect(audits).toHaveLength(1)
    const line = formatAuditLine(audits[0]![0])
    expect(line).toContain(` claimed_principal=u_marwan claimed_actor=${REVIEWER} `)
    expect(line).not.toMatch(/ (principal|acting_as)=/)
  })

  test('a request without credentials claims nobody', async () => {
    const { handler, audits } = server()
    await handler(new Request('https://api.github.com/repos/marwan/playground'))
    expect(formatAuditLine(audits[0]![0])).not.toContain('claimed_')
  })
})
