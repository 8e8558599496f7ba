// Header names as people write them (fetch lower-cases them): Content-Type, DPoP, WWW-Authenticate.

const SPECIAL: Record<string, string> = {
  dpop: 'DPoP',
  'dpop-nonce': 'DPoP-Nonce',
  'www-authenticate': 'WWW-Authenticate',
}

export function headerName(name: string): string {
  const lower = name.toLowerCase()
  return (
    SPECIAL[lower] ?? lower.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase())
  )
}
