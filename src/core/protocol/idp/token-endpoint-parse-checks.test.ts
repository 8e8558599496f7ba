// Every refusal made while reading a token request is a recorded failed check, naming its reason's section.
import { describe, expect, test } from 'vitest'
import { formatSpecRef } from '../errors/spec-ref.ts'
import type { Reason } from '../errors/reasons.ts'
import { REASONS } from '../errors/reasons.ts'
import { MAX_TOKEN_REQUEST_BYTES } from './parse-token-request.ts'
import { exchangeCase, formRequest, seedForm, sendExchange, TOKEN_URL } from './exchange-fixture.ts'

type Breaks = (defaults: { subject: string; actor: string | null }) => Request

describe('the token endpoint records the refusals it makes while reading the request', () => {
  test.each<[string, Breaks, Reason]>([
    ['a wrong method', () => new Request(TOKEN_URL, { method: 'PUT' }), 'http.method_not_allowed'],
    [
      'a JSON body',
      () =>
        new Request(TOKEN_URL, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        }),
      'request.content_type',
    ],
    [
      'a body over the limit',
      () => formRequest('a'.repeat(MAX_TOKEN_REQUEST_BYTES + 1)),
      'http.content_too_large',
    ],
    ['a malformed form', () => formRequest('grant_type=%zz'), 'request.malformed_form'],
    [
      'a repeated scope',
      ({ subject, actor }) => formRequest(`${seedForm(subject, actor)}&scope=x`),
      'request.repeated_param',
    ],
    ['no grant_type', () => formRequest('subject_token=x'), 'request.missing_param'],
    ['another grant type', () => formRequest('grant_type=client_credentials'), 'grant.unsupported_type'],
    [
      'a scope token with a quote',
      ({ subject, actor }) => {
        const form = seedForm(subject, actor)
        form.set('scope', 'read:"repo')
        return formRequest(form.toString())
      },
      'scope.malformed',
    ],
  ])('%s', async (_, request, reason) => {
    const { decision, checks } = await sendExchange(exchangeCase(), { request })
    expect(decision.accepted ? null : decision.error.reason).toBe(reason)
    const failed = checks.filter((check) => !check.ok)
    expect(failed).toHaveLength(1)
    expect(failed[0]).toMatchObject({ by: 'idp', spec: formatSpecRef(REASONS[reason].spec) })
  })
})
