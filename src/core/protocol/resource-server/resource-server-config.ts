// What a resource server serves: its audience, its origin, and its routes with the scope each route needs.

export interface ResourceRoute {
  method: 'GET' | 'POST'
  /** A path with `:name` segments, for example `/repos/:owner/:repo`. */
  pattern: string
  /** The scope a token must carry to use this route (RFC 6750 §3.1 `insufficient_scope` otherwise). */
  scope: string
  /** What the route does, in a few words, for people. */
  describe: string
  /** The JSON body a successful call returns, from the path's parameters (default: the path and parameters). */
  respond?: (params: Record<string, string>) => Record<string, unknown>
}

export interface ResourceServerConfig {
  /** The audience it answers to: a token's `aud` must include it (RFC 9068 §4). */
  audience: string
  origin: string
  routes: ResourceRoute[]
}
