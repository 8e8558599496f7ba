// Which claims of the presented token differ from what the IdP signed, so the page never vouches for them.
import { httpStepsTo } from '../run-views.ts'
import { readCompactJws } from '../../protocol/tokens/read-compact-jws.ts'
import type { Run } from '../run.ts'

/** A claim changed after signing: what the IdP signed (absent when the claim was added). */
export type SignedValue = { signed: true; value: unknown } | { signed: false }

/**
 * Top-level claims of the presented delegated token that differ from the token the IdP issued (read from
 * its token response), with the signed value. Empty when nothing was tampered with. The provenance of an
 * edited claim is no longer "policy" or "subject token": the attacker wrote it.
 * @see RFC 7515 §5.2 (a changed payload no longer matches the signature)
 */
export function editedClaims(run: Run): Map<string, SignedValue> {
  const edited = new Map<string, SignedValue>()
  const presented = run.tokens.delegated?.payload
  if (run.scenario.edits.tamperedClaims === null || !presented) return edited
  const signed = issuedClaims(run)
  if (!signed) return edited
  for (const [name, value] of Object.entries(presented)) {
    if (!Object.hasOwn(signed, name)) edited.set(name, { signed: false })
    else if (JSON.stringify(signed[name]) !== JSON.stringify(value))
      edited.set(name, { signed: true, value: signed[name] })
  }
  return edited
}

/** The claims of the access token in the last token response, as the IdP signed them. */
function issuedClaims(run: Run): Record<string, unknown> | null {
  const response = httpStepsTo(run, 'idp').at(-1)?.http.response
  if (!response || response.status !== 200) return null
  let body: unknown
  try {
    body = JSON.parse(response.body)
  } catch {
    return null
  }
  const token = (body as { access_token?: unknown } | null)?.access_token
  if (typeof token !== 'string') return null
  const read = readCompactJws(token, 'access_token')
  return read.ok ? read.value.payload : null
}
