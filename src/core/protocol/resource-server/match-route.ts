// Finds which route of a resource server a request path names, and reads its `:name` parameters.
import { httpError, type HttpError } from '../errors/http-error.ts'
import type { ResourceServerConfig, ResourceRoute } from './resource-server-config.ts'

export type RouteMatch =
  | { found: true; route: ResourceRoute; params: Record<string, string> }
  /** 404, or 405 with the methods that would work, for the `Allow` header (RFC 9110 §15.5.6). */
  | { found: false; error: HttpError; allow: string[] }

function matchPattern(pattern: string, pathname: string): Record<string, string> | null {
  const want = pattern.split('/')
  const got = pathname.split('/')
  if (want.length !== got.length) return null
  const params: Record<string, string> = {}
  for (const [index, segment] of want.entries()) {
    const actual = got[index] ?? ''
    if (segment.startsWith(':')) {
      if (actual === '') return null
      // A malformed escape (`%E0%A4%A`) is a path that names nothing here, not an error.
      try {
        params[segment.slice(1)] = decodeURIComponent(actual)
      } catch {
        return null
      }
    } else if (segment !== actual) return null
  }
  return params
}

/**
 * Matches a request against the server's routes: the route and its parameters, or the 404 (no such path)
 * or 405 (path exists for other methods) to answer with.
 * @see RFC 9110 §15.5.5
 * @see RFC 9110 §15.5.6
 */
export function matchRoute(config: ResourceServerConfig, method: string, pathname: string): RouteMatch {
  const allow: string[] = []
  for (const route of config.routes) {
    const params = matchPattern(route.pattern, pathname)
    if (params === null) continue
    if (route.method === method) return { found: true, route, params }
    allow.push(route.method)
  }
  if (allow.length > 0) {
    const error = httpError(
      'http.method_not_allowed',
      `Method ${method} is not allowed on ${pathname}`,
      `${pathname} exists on ${config.audience}, but only for ${allow.join(', ')}.`,
    )
    return { found: false, error, allow }
  }
  const error = httpError(
    'http.not_found',
    `No resource at ${pathname}`,
    `${config.audience} has no route matching ${method} ${pathname}.`,
  )
  return { found: false, error, allow }
}
