import { describe, expect, test } from 'vitest'
import type { Reason } from '../errors/reasons.ts'
import { readBodyParams } from './read-body-params.ts'

const post = (body: string, type?: string) =>
  new Request('http://127.0.0.1/x', {
    method: 'POST',
    ...(type ? { headers: { 'content-type': type } } : {}),
    body,
  })
const FORM = 'application/x-www-form-urlencoded'
const both = { json: true, maxBytes: 1024 }
const formOnly = { json: false, maxBytes: 1024 }

describe('reading body parameters', () => {
  test('a form becomes an object; an empty value counts as omitted', async () => {
    expect(await readBodyParams(post('sub=u_marwan&scope=read%3Arepo+write&may_act=', FORM), both)).toEqual({
      ok: true,
      value: { sub: 'u_marwan', scope: 'read:repo write' },
    })
  })

  test('media type parameters and case do not matter', async () => {
    expect(
      (await readBodyParams(post('a=1', 'Application/X-WWW-Form-URLEncoded; charset=UTF-8'), both)).ok,
    ).toBe(true)
  })

  test('a JSON object is read as it is, when JSON is accepted', async () => {
    expect(await readBodyParams(post('{"ttl":60,"act":{"sub":"p"}}', 'application/json'), both)).toEqual({
      ok: true,
      value: { ttl: 60, act: { sub: 'p' } },
    })
  })

  test('a parameter named __proto__ stays a parameter', async () => {
    const read = await readBodyParams(post('__proto__=x', FORM), both)
    expect(read.ok && Object.keys(read.value)).toEqual(['__proto__'])
    expect(read.ok && Object.getPrototypeOf(read.value)).toBe(Object.prototype)
  })

  test.each<[string, Request, typeof both, number, string, Reason]>([
    [
      'JSON where only forms are read',
      post('{}', 'application/json'),
      formOnly,
      400,
      'Content-Type must be application/x-www-form-urlencoded, not "application/json"',
      'request.content_type',
    ],
    [
      'no content type',
      post('a=1'),
      both,
      400,
      'Content-Type must be application/x-www-form-urlencoded or application/json, not "text/plain"',
      'request.content_type',
    ],
    [
      'a repeated parameter',
      post('a=1&a=2', FORM),
      both,
      400,
      '"a" is included more than once',
      'request.repeated_param',
    ],
    [
      'malformed encoding',
      post('a=%G1', FORM),
      both,
      400,
      'Malformed form encoding in "a=%G1"',
      'request.malformed_form',
    ],
    [
      'an empty JSON body',
      post('', 'application/json'),
      both,
      400,
      'The JSON body is empty',
      'request.malformed_json',
    ],
    [
      'a JSON array',
      post('[1]', 'application/json'),
      both,
      400,
      'The JSON body must be an object of parameters',
      'request.json_not_object',
    ],
    [
      'a body over the limit',
      post(`a=${'é'.repeat(600)}`, FORM),
      both,
      413,
      'Body exceeds 1024 bytes',
      'http.content_too_large',
    ],
  ])('refuses %s', async (_, request, options, status, description, reason) => {
    const read = await readBodyParams(request, options)
    expect(read.ok).toBe(false)
    expect(!read.ok && { status: read.error.status, description: read.error.description }).toEqual({
      status,
      description,
    })
    expect(!read.ok && read.error.reason).toBe(reason)
  })

  test('says what is wrong with JSON that does not parse', async () => {
    const read = await readBodyParams(post('{"a":', 'application/json'), both)
    expect(!read.ok && read.error.reason).toBe('request.malformed_json')
    expect(!read.ok && read.error.description).toMatch(/^The body is not valid JSON \(/)
  })
})
