// Reads the sandbox's settings from the environment, and says exactly which one is wrong.

export interface SandboxConfig {
  port: number
  host: string
  /** The public base URL when it differs from where the sandbox listens; an origin, no trailing slash. */
  issuer: string | undefined
  introspectionSecret: string
  requireDpop: boolean
}

export const DEFAULT_PORT = 8693
export const DEFAULT_HOST = '127.0.0.1'
/** Demo only: anyone who reads the README knows it. Set INTROSPECTION_SECRET to change it. */
export const DEMO_INTROSPECTION_SECRET = 'sandbox-introspection-secret'

export type ConfigResult = { ok: true; value: SandboxConfig } | { ok: false; error: string }

function readIssuer(value: string): string | Error {
  if (!URL.canParse(value)) return new Error(`ISSUER must be an absolute URL, not "${value}"`)
  const url = new URL(value)
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return new Error(`ISSUER must be an http or https URL, not "${value}"`)
  if (
    url.pathname !== '/' ||
    url.search !== '' ||
    url.hash !== '' ||
    url.username !== '' ||
    url.password !== ''
  )
    return new Error(
      `ISSUER must be an origin such as https://sandbox.example.com, with no path, query or credentials`,
    )
  return url.origin
}

function readFlag(name: string, value: string | undefined): boolean | Error {
  if (value === undefined || ['', '0', 'false'].includes(value.toLowerCase())) return false
  if (['1', 'true'].includes(value.toLowerCase())) return true
  return new Error(`${name} must be 1, true, 0 or false, not "${value}"`)
}

/** `PORT`, `HOST`, `ISSUER`, `INTROSPECTION_SECRET`, `REQUIRE_DPOP`; every one optional. */
export function readSandboxConfig(env: Readonly<Record<string, string | undefined>>): ConfigResult {
  const portText = env.PORT?.trim() || String(DEFAULT_PORT)
  const port = Number(portText)
  if (!/^\d{1,5}$/.test(portText) || port > 65_535)
    return { ok: false, error: `PORT must be a whole number from 0 to 65535, not "${env.PORT}"` }
  const issuer = env.ISSUER?.trim() ? readIssuer(env.ISSUER.trim()) : undefined
  if (issuer instanceof Error) return { ok: false, error: issuer.message }
  const requireDpop = readFlag('REQUIRE_DPOP', env.REQUIRE_DPOP)
  if (requireDpop instanceof Error) return { ok: false, error: requireDpop.message }
  return {
    ok: true,
    value: {
      port,
      host: env.HOST?.trim() || DEFAULT_HOST,
      issuer,
      introspectionSecret: env.INTROSPECTION_SECRET || DEMO_INTROSPECTION_SECRET,
      requireDpop,
    },
  }
}
