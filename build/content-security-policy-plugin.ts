// Vite plugin: puts the Content Security Policy into the built page as a meta tag, and refuses a build
// whose page holds an inline script. The same policy is the `vite preview` header (vite.config.ts).
import type { Plugin } from 'vite'
import { contentSecurityPolicy, securityHeaders } from './content-security-policy.ts'

/** Response headers for servers of the built app: `vite preview`, and any static host configured alike. */
export const SECURITY_HEADERS = securityHeaders()

/** A `<script>` element with content or without `src`: what the policy forbids and the page must not hold. */
const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc=)[^>]*>|<script\b[^>]*>\s*[^<\s]/i

/**
 * Build only: the dev server injects inline scripts for hot reloading (React Refresh's preamble), which
 * this policy would block, so `vite dev` runs without it.
 */
export function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'tep:content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        if (INLINE_SCRIPT.test(html))
          throw new Error('index.html holds an inline script, which the Content Security Policy forbids')
        const charset = /<meta charset="[^"]*"\s*\/?>/i.exec(html)
        if (!charset) throw new Error('index.html needs <meta charset> first in <head>')
        // Right after the charset, before every script and style, so the policy covers all of them.
        const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy('meta')}" />`
        const at = charset.index + charset[0].length
        return `${html.slice(0, at)}\n    ${meta}${html.slice(at)}`
      },
    },
  }
}
