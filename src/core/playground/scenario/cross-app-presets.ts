// The cross-app access (ID-JAG) presets: the happy path and every attack, each with the check that stops it.
import type { Preset } from './presets.ts'
import type { ScenarioCrossApp } from './scenario.ts'
import type { ScenarioChange } from './scenario-change.ts'
import { OTHER_RESOURCE_AS_ISSUER } from './seed-scenario.ts'

const crossApp = (change: Partial<ScenarioCrossApp>) =>
  ({ flow: 'cross-app', crossApp: change }) satisfies ScenarioChange

/**
 * Each attack says where it is stopped (`outcome.refusedBy`, the party's kind) and why (`defence`), and
 * in `stop` (as the other flows' presets): what the attacker changed, the party id, and the reason id,
 * spec and check that stop it, the check a "Defence on" switch would skip.
 * @see draft-ietf-oauth-identity-assertion-authz-grant-04 §4.3.3, §4.4.1, §8.2
 */
export const CROSS_APP_PRESETS: readonly Preset[] = [
  {
    id: 'cross-app',
    title: 'Cross-app access (ID-JAG)',
    kind: 'scenario',
    change: { flow: 'cross-app' },
    outcome: null,
    note: 'ID token → ID-JAG at the IdP → DPoP-bound token at the resource AS → MCP tool call, logged as the user with the agent acting.',
  },
  {
    id: 'id-jag-at-idp',
    title: 'ID-JAG presented at the IdP',
    kind: 'attack',
    change: crossApp({ attack: 'id-jag-at-idp' }),
    outcome: { refusedBy: 'idp', error: 'invalid_grant', reason: 'id_jag.redeemed_at_issuer' },
    note: 'The agent redeems the ID-JAG at the IdP that issued it.',
    defence: 'An IdP never redeems its own ID-JAG: it is a grant for the resource AS named in aud (§4.4).',
    stop: {
      changed: 'the ID-JAG is sent as a JWT bearer grant to the IdP that issued it',
      at: 'idp',
      reason: 'id_jag.redeemed_at_issuer',
      spec: 'draft-ietf-oauth-identity-assertion-authz-grant-04 §4.4',
      check: 'the IdP redeems no assertion it issued itself',
    },
  },
  {
    id: 'id-jag-other-audience',
    title: 'ID-JAG for another resource AS',
    kind: 'attack',
    change: crossApp({ resourceAs: OTHER_RESOURCE_AS_ISSUER }),
    outcome: {
      refusedBy: 'authorization-server',
      error: 'invalid_grant',
      reason: 'id_jag.audience_mismatch',
    },
    note: 'An ID-JAG whose aud is another resource AS is presented here.',
    defence: "The resource AS accepts an ID-JAG only if its aud is this AS's own issuer (§4.4.1).",
    stop: {
      changed: 'audience = another resource AS in the ID-JAG request; the ID-JAG is then presented here',
      at: 'resource-as',
      reason: 'id_jag.audience_mismatch',
      spec: 'draft-ietf-oauth-identity-assertion-authz-grant-04 §4.4.1',
      check: "the ID-JAG's aud is this AS's issuer",
    },
  },
  {
    id: 'id-jag-other-agent',
    title: "Agent B redeems agent A's ID-JAG",
    kind: 'attack',
    change: crossApp({ attack: 'other-agent-redeems' }),
    outcome: {
      refusedBy: 'authorization-server',
      error: 'invalid_grant',
      reason: 'id_jag.client_mismatch',
    },
    note: "The test runner redeems the code reviewer's ID-JAG as itself.",
    defence: "The ID-JAG's client_id must be the client that authenticated at the resource AS (§4.4.1).",
    stop: {
      changed: "another agent's JWT-SVID authenticates the redemption",
      at: 'resource-as',
      reason: 'id_jag.client_mismatch',
      spec: 'draft-ietf-oauth-identity-assertion-authz-grant-04 §4.4.1',
      check: "the ID-JAG's client_id is the authenticated client",
    },
  },
  {
    id: 'id-jag-replayed',
    title: 'Replayed ID-JAG',
    kind: 'attack',
    change: crossApp({ attack: 'replayed-id-jag' }),
    outcome: { refusedBy: 'authorization-server', error: 'invalid_grant', reason: 'id_jag.replayed' },
    note: 'The same ID-JAG is redeemed a second time.',
    defence: 'The resource AS accepts each jti once (RFC 7523 §3 item 7).',
    stop: {
      changed: 'the same ID-JAG is sent to the resource AS a second time',
      at: 'resource-as',
      reason: 'id_jag.replayed',
      spec: 'RFC 7523 §3 (7)',
      check: "the ID-JAG's jti is unused",
    },
  },
  {
    id: 'id-jag-expired',
    title: 'Expired ID-JAG',
    kind: 'attack',
    change: crossApp({ redeemDelay: 600 }),
    outcome: { refusedBy: 'authorization-server', error: 'invalid_grant', reason: 'id_jag.expired' },
    note: 'The agent redeems its five-minute ID-JAG ten minutes later.',
    defence: 'The resource AS refuses an assertion past its exp (RFC 7523 §3 item 4).',
    stop: {
      changed: 'the ID-JAG is redeemed 600 s after it was issued (it lives 300 s)',
      at: 'resource-as',
      reason: 'id_jag.expired',
      spec: 'RFC 7523 §3 (4)',
      check: 'the ID-JAG has not expired',
    },
  },
  {
    id: 'access-token-other-mcp',
    title: 'Access token at another MCP server',
    kind: 'attack',
    change: crossApp({ attack: 'token-at-other-mcp' }),
    outcome: { refusedBy: 'mcp-server', error: 'invalid_token', reason: 'mcp.wrong_resource' },
    note: 'The access token is sent to another MCP server.',
    defence: 'The MCP server accepts only tokens whose aud is its own resource URL (RFC 8707 §2).',
    stop: {
      changed: 'the access token is sent to another MCP server',
      at: 'mcp-server',
      reason: 'mcp.wrong_resource',
      spec: 'RFC 8707 §2',
      check: "the access token's aud is this MCP server",
    },
  },
  {
    id: 'id-jag-scope-escalation',
    title: 'Scope escalation at the resource AS',
    kind: 'attack',
    change: crossApp({ redeemScope: 'read:repo write:issues' }),
    outcome: { refusedBy: 'authorization-server', error: 'invalid_scope', reason: 'id_jag.scope_widened' },
    note: 'The ID-JAG grants read:repo; the agent asks the resource AS for write:issues too.',
    defence: "The resource AS issues no scope beyond the ID-JAG's (MCP EMA §7.2.1).",
    stop: {
      changed: 'scope = read:repo write:issues at the resource AS',
      at: 'resource-as',
      reason: 'id_jag.scope_widened',
      spec: 'MCP Enterprise-Managed Authorization §7.2.1',
      check: "the scope asked is within the ID-JAG's",
    },
  },
  {
    id: 'id-token-too-old',
    title: 'ID token too old (step-up)',
    kind: 'attack',
    change: crossApp({ idTokenAge: 2 * 3600 }),
    outcome: {
      refusedBy: 'idp',
      error: 'insufficient_user_authentication',
      reason: 'idp.id_token_too_old',
    },
    note: 'The user signed in two hours ago; the IdP allows one.',
    defence:
      'The IdP asks for a fresh sign-in with insufficient_user_authentication and max_age (RFC 9470 §3, draft §8.2).',
    stop: {
      changed: 'auth_time two hours ago; the IdP allows one',
      at: 'idp',
      reason: 'idp.id_token_too_old',
      spec: 'draft-ietf-oauth-identity-assertion-authz-grant-04 §8.2, RFC 9470 §3',
      check: 'the sign-in is recent enough for policy',
    },
  },
]
