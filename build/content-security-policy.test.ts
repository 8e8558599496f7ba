import { describe, expect, test } from 'vitest'
import { contentSecurityPolicy, CSP_DIRECTIVES } from './content-security-policy.ts'

const directives = (policy: string) =>
  new Map(policy.split('; ').map((directive) => [directive.split(' ')[0]!, directive.split(' ').slice(1)]))

describe('the Content Security Policy', () => {
  const header = directives(contentSecurityPolicy('header'))

  test('allows scripts only from this origin: no inline script, no eval, no plugins', () => {
    expect(header.get('script-src')).toEqual(["'self'"])
    expect(header.get('default-src')).toEqual(["'self'"])
    expect(header.get('object-src')).toEqual(["'none'"])
    expect(contentSecurityPolicy()).not.toMatch(/unsafe-eval|wasm-unsafe-eval|strict-dynamic|\*|https?:/)
  })

  test('pins base URLs, form targets, frames, connections and workers', () => {
    expect(header.get('base-uri')).toEqual(["'none'"])
    expect(header.get('form-action')).toEqual(["'none'"])
    expect(header.get('frame-ancestors')).toEqual(["'none'"])
    expect(header.get('connect-src')).toEqual(["'self'"])
    expect(header.get('worker-src')).toEqual(["'self'"])
  })

  test("the only sources beyond 'self' and 'none' are inline styles and data: images", () => {
    const extra = Object.entries(CSP_DIRECTIVES).flatMap(([name, sources]) =>
      sources
        .filter((source) => source !== "'self'" && source !== "'none'")
        .map((source) => `${name} ${source}`),
    )
    expect(extra).toEqual(["style-src 'unsafe-inline'", 'img-src data:'])
  })

  test('the meta tag carries the same policy, less what a meta tag cannot say', () => {
    const meta = directives(contentSecurityPolicy('meta'))
    expect(meta.has('frame-ancestors')).toBe(false)
    expect(new Map([...header].filter(([name]) => name !== 'frame-ancestors'))).toEqual(meta)
  })
})
