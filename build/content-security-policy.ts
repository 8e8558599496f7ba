// The page's Content Security Policy, kept in one place: the built page's meta tag, `vite preview` and the
// sandbox all send this one policy.

/**
 * Every directive and its sources. Only two sources go beyond 'self' or 'none', each for a stated reason:
 * - `style-src 'unsafe-inline'`: Monaco writes its theme and decorations into `<style>` elements it creates
 *   at run time, and both Monaco and React set `style` attributes (sizes, positions). Neither can carry a
 *   nonce on a static site. Injected CSS still can't send anything out: images, fonts and connections are
 *   limited to this origin.
 * - `img-src data:`: Monaco's CSS draws squiggles and a few icons as `data:` images, which load nothing.
 * Monaco's workers are built as same-origin files (`?worker` imports), so `worker-src 'self'` needs no
 * `blob:`; it also covers the service worker.
 * @see https://www.w3.org/TR/CSP3/
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  // No inline script and no eval: 'unsafe-inline' and 'unsafe-eval' are absent.
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'frame-src': ["'none'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  // Header only: a meta tag can't say who may frame the page (CSP3 §6.4.2, "not supported in meta").
  'frame-ancestors': ["'none'"],
}

/** Directives a `<meta http-equiv>` policy ignores, so the meta tag leaves them out. */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'report-to', 'sandbox'])

/**
 * The policy as a header value, or (for `meta`) without the directives a meta tag can't carry.
 * @see https://www.w3.org/TR/CSP3/#meta-element
 */
export function contentSecurityPolicy(delivery: 'header' | 'meta' = 'header'): string {
  return Object.entries(CSP_DIRECTIVES)
    .filter(([name]) => delivery === 'header' || !HEADER_ONLY.has(name))
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ')
}

/**
 * The response headers every server of this project sends: the policy, and no MIME sniffing, so a JSON
 * answer or a script is never read as something else.
 * @see https://fetch.spec.whatwg.org/#x-content-type-options-header
 */
export function securityHeaders(): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy('header'),
    'x-content-type-options': 'nosniff',
  }
}
