// A token as the playground shows it: encoded, with its decoded header and payload.
import { decodeJwt, decodeProtectedHeader } from 'jose'

export interface TokenView {
  encoded: string
  /** Decoded JOSE header, or null when the token isn't a readable JWS. */
  header: Record<string, unknown> | null
  /** Decoded claims, or null when they aren't a readable JSON object. */
  payload: Record<string, unknown> | null
}

function tryDecode<T>(decode: () => T): T | null {
  try {
    return decode()
  } catch {
    return null
  }
}

/** Decodes without verifying: for display only, never for a decision. */
export function viewToken(encoded: string): TokenView {
  return {
    encoded,
    header: tryDecode(() => decodeProtectedHeader(encoded) as Record<string, unknown>),
    payload: tryDecode(() => decodeJwt(encoded) as Record<string, unknown>),
  }
}
