// A catalog resource server served from somewhere else: same audience, routes and scopes, another origin and path prefix.
import type { ResourceServerConfig } from './resource-server-config.ts'

export interface Mount {
  /** The origin the server is reached at, for example `http://127.0.0.1:8693`. */
  origin: string
  /** A path every route moves under, for example `/api`; empty or absent for none. */
  pathPrefix?: string
}

/**
 * The same resource server mounted at another origin and under a path prefix. The audience is kept,
 * so tokens the IdP mints for it (and the policy that names it) still apply; only where it listens moves.
 * Throws on a prefix that is not an absolute path: that is a programming error, not input.
 * @see RFC 9068 §4 (the audience a resource server answers to)
 * @see RFC 8707 §2
 */
export function mountResourceServer(config: ResourceServerConfig, mount: Mount): ResourceServerConfig {
  const prefix = (mount.pathPrefix ?? '').replace(/\/+$/, '')
  if (prefix !== '' && (!prefix.startsWith('/') || /[?#]/.test(prefix)))
    throw new Error(`pathPrefix must be an absolute path such as "/api", not "${mount.pathPrefix}"`)
  return {
    ...config,
    origin: new URL(mount.origin).origin,
    routes: config.routes.map((route) => ({ ...route, pattern: `${prefix}${route.pattern}` })),
  }
}
