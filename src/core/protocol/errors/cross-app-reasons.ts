// The reasons cross-app access refuses with (ID-JAG at the IdP, the resource AS, the MCP server), each listed once.
import type { ReasonInfo } from './reasons.ts'
import { specRef, type SpecRef } from './spec-ref.ts'

const idJag = (section: string) => specRef('draft-ietf-oauth-identity-assertion-authz-grant-04', section)
const spiffe = specRef('draft-ietf-oauth-spiffe-client-auth-02', '3.1')
const row = (codes: ReasonInfo['codes'], status: number, spec: SpecRef, summary: string): ReasonInfo => ({
  codes,
  status,
  spec,
  summary,
})
const client = (summary: string) => row(['invalid_client'], 401, spiffe, summary)
const grant = (spec: SpecRef, summary: string) => row(['invalid_grant'], 400, spec, summary)

/**
 * Cross-app access reasons, spread into `REASONS`.
 * @see draft-ietf-oauth-identity-assertion-authz-grant §4.3.3, §4.4.1, §8.2
 * @see draft-ietf-oauth-spiffe-client-auth §3.1
 */
export const CROSS_APP_REASONS = {
  'spiffe_client.assertion_missing': client('The request has no client assertion; a JWT-SVID is required.'),
  'spiffe_client.assertion_type': client('The client assertion is not of type jwt-spiffe.'),
  'spiffe_client.assertion_invalid': client(
    'The JWT-SVID does not verify: signature, audience (this server), expiry or claims.',
  ),
  'spiffe_client.untrusted_issuer': client(
    'The JWT-SVID comes from a workload issuer this server does not trust.',
  ),
  'spiffe_client.unknown': client("No client is registered for the JWT-SVID's SPIFFE ID."),
  'spiffe_client.id_mismatch': client('The client_id sent is not the client the JWT-SVID authenticates.'),

  'idp.requested_token_type': row(
    ['invalid_request'],
    400,
    idJag('4.3'),
    'An ID-JAG request must ask for urn:ietf:params:oauth:token-type:id-jag.',
  ),
  'idp.subject_token_missing': row(
    ['invalid_request'],
    400,
    idJag('4.3'),
    'The request has no subject_token.',
  ),
  'idp.subject_token_type': row(
    ['invalid_request'],
    400,
    idJag('4.3'),
    'The subject token of an ID-JAG request must be an ID token.',
  ),
  'idp.id_token_invalid': grant(idJag('4.3.3'), "The ID token does not verify as one of this IdP's own."),
  'idp.id_token_audience': grant(
    idJag('4.3.3'),
    'The ID token was issued to another client than the one that authenticated.',
  ),
  'idp.id_token_too_old': row(
    ['insufficient_user_authentication'],
    400,
    idJag('8.2'),
    'The sign-in behind the ID token is older than policy allows: step-up needed (RFC 9470).',
  ),
  'idp.audience_missing': row(
    ['invalid_request'],
    400,
    idJag('4.3'),
    'The request does not name the resource authorization server ("audience").',
  ),
  'idp.audience_not_allowed': row(
    ['invalid_target'],
    400,
    idJag('4.3.3'),
    'Policy gives this agent no grant to that resource authorization server for this user.',
  ),
  'idp.resource_not_allowed': row(
    ['invalid_target'],
    400,
    specRef('MCP Enterprise-Managed Authorization', '7.6.1'),
    'The resource is not one the requested resource authorization server governs.',
  ),
  'idp.scope_not_granted': row(
    ['invalid_scope'],
    400,
    idJag('4.3.3'),
    'The scope asked for is beyond what policy grants at that resource authorization server.',
  ),

  'id_jag.typ': grant(specRef('RFC 8725', '3.11'), 'The assertion is not typed oauth-id-jag+jwt.'),
  'id_jag.untrusted_issuer': grant(
    idJag('4.4.1'),
    'The ID-JAG comes from an IdP this server does not trust.',
  ),
  'id_jag.invalid': grant(idJag('4.4.1'), 'The ID-JAG does not verify (signature, key or claims).'),
  'id_jag.audience_mismatch': grant(
    idJag('4.4.1'),
    'The ID-JAG is meant for another resource authorization server.',
  ),
  'id_jag.expired': grant(specRef('RFC 7523', '3', 4), 'The ID-JAG has expired.'),
  'id_jag.client_mismatch': grant(
    idJag('4.4.1'),
    "The ID-JAG's client_id is not the client that authenticated: another agent's grant.",
  ),
  'id_jag.unknown_resource': grant(
    specRef('MCP Enterprise-Managed Authorization', '7.6.2'),
    "The ID-JAG's resource is not one this authorization server governs.",
  ),
  'id_jag.key_mismatch': grant(
    idJag('8.4.2'),
    'The ID-JAG is bound to a DPoP key this request does not prove.',
  ),
  'id_jag.scope_widened': row(
    ['invalid_scope'],
    400,
    specRef('MCP Enterprise-Managed Authorization', '7.2.1'),
    "The access token request asks for scope beyond the ID-JAG's.",
  ),
  'id_jag.replayed': grant(specRef('RFC 7523', '3', 7), 'The ID-JAG\'s "jti" was already redeemed.'),
  'id_jag.redeemed_at_issuer': grant(
    idJag('4.4'),
    'An ID-JAG was presented at the IdP that issued it, not at the resource authorization server.',
  ),

  'mcp.wrong_resource': row(
    ['invalid_token'],
    401,
    specRef('RFC 8707', '2'),
    'The access token was issued for another MCP server (aud).',
  ),
} as const satisfies Record<string, ReasonInfo>
