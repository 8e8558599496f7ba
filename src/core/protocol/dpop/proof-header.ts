// Reads the DPoP proofs a request carries, however many header fields they came in.

/**
 * The proofs in the request's DPoP header field(s). Fetch joins repeated fields with ", " (RFC 9110 §5.3),
 * and a compact JWS contains neither a comma nor a space, so splitting recovers each one for §4.3 (1).
 * @see RFC 9449 §4.1
 * @see RFC 9449 §4.3 (1)
 */
export function dpopHeaderValues(request: Request): string[] {
  return (request.headers.get('dpop') ?? '')
    .split(',')
    .map((value) => value.trim())
    .filter((value) => value !== '')
}
