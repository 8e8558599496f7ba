import { describe, expect, test } from 'vitest'
import { httpError } from '../errors/http-error.ts'
import { oauthError } from '../errors/oauth-error.ts'
import { createCheckLog, type Check } from './check-log.ts'
import { checkRecorder } from './check-recorder.ts'
import { withDefencesOff } from './defence-switch.ts'

const recorder = (off: string[] = []) => {
  const checks: Check[] = []
  const log = withDefencesOff(createCheckLog('idp', checks), new Set(off as never[]))
  return { checks, record: checkRecorder(log) }
}

describe('checkRecorder', () => {
  test('a refusal is recorded as a failed check under its own section and reason, and handed back unchanged', () => {
    const { checks, record } = recorder()
    const error = oauthError('request.repeated_param', '"scope" is included more than once', {
      param: 'scope',
    })
    expect(record.refuse({ label: 'no parameter repeated' }, error)).toBe(error)
    expect(checks).toEqual([
      {
        by: 'idp',
        label: 'no parameter repeated',
        spec: 'RFC 6749 §3.2',
        ok: false,
        detail: error.explanation,
        reason: 'request.repeated_param',
      },
    ])
  })

  test('a plain HTTP failure is recorded the same way', () => {
    const { checks, record } = recorder()
    record.refuse(
      { label: 'request is a POST' },
      httpError('http.method_not_allowed', 'Method GET is not allowed'),
    )
    expect(checks[0]).toMatchObject({ ok: false, spec: 'RFC 9110 §15.5.6' })
  })

  test('a passed check takes the rule section, as text or structured', () => {
    const { checks, record } = recorder()
    record.pass({ label: 'a', spec: 'RFC 8693 §2.1' }, 'detail')
    record.pass({ label: 'b', spec: { doc: 'RFC 9449', section: '4.3', item: 9 } })
    expect(checks).toEqual([
      { by: 'idp', label: 'a', spec: 'RFC 8693 §2.1', ok: true, detail: 'detail' },
      { by: 'idp', label: 'b', spec: 'RFC 9449 §4.3 (9)', ok: true },
    ])
  })

  test('with the defence behind a refusal switched off, the check is skipped and the caller told to go on', () => {
    const error = oauthError('exchange.may_act_mismatch', 'may_act does not name the actor')
    const on = recorder()
    expect(on.record.skipped({ label: 'may_act', spec: 'RFC 8693 §4.4' }, error)).toBe(false)
    expect(on.checks).toEqual([])
    const off = recorder(['exchange.may_act_mismatch'])
    expect(off.record.skipped({ label: 'may_act', spec: 'RFC 8693 §4.4' }, error)).toBe(true)
    expect(off.checks).toEqual([expect.objectContaining({ ok: true, skipped: true, label: 'may_act' })])
  })
})
