// The ID-JAG as a profile of the RFC 7523 grant verifier: its typ, its claims and its reasons.
import type { JwtGrantProfile } from '../jwt-bearer/jwt-grant-profile.ts'
import { ID_JAG } from './id-jag-names.ts'

/**
 * An ID-JAG at the resource AS: typed `oauth-id-jag+jwt`, `sub`, `exp`, `iat`, `jti` and `client_id`
 * required, `aud` this AS alone, `client_id` the authenticated client. A replay cache too full to
 * promise single use refuses as a replay would (fails closed).
 * @see draft-ietf-oauth-identity-assertion-authz-grant §3, §4.4.1
 */
export const ID_JAG_GRANT_PROFILE: JwtGrantProfile = {
  name: 'ID-JAG',
  typ: ID_JAG.typ,
  requiredClaims: ['sub', 'exp', 'iat', 'jti', 'client_id'],
  soleAudience: true,
  reasons: {
    format: 'id_jag.invalid',
    issuer: 'id_jag.untrusted_issuer',
    typ: 'id_jag.typ',
    signature: 'id_jag.invalid',
    audience: 'id_jag.audience_mismatch',
    not_yet_valid: 'id_jag.invalid',
    expired: 'id_jag.expired',
    client: 'id_jag.client_mismatch',
    replayed: 'id_jag.replayed',
    replay_cache_full: 'id_jag.replayed',
  },
  replayKeyPrefix: 'id-jag',
}
