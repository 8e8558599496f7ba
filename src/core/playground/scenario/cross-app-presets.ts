// The cross-app access (ID-JAG) presets: the happy path and every attack, each with the check that stops it.
import type { Preset } from './presets.ts'
import { OTHER_RESOURCE_AS_ISSUER } from './seed-scenario.ts'

const crossApp = (change: Record<string, unknown>) => ({ flow: 'cross-app', crossApp: change })

/**
 * Each attack's note says what the attacker changed; `outcome.refusedBy` where it is stopped (the
 * party's kind), `defence` why, and `outcome.reason` the reason id of the one check that stops it,
 * which a "Defence on" switch turns off.
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
  },
  {
    id: 'id-jag-other-audience',
    title: 'ID-JAG for another resource AS',
    kind: 'attack',
    change: crossApp({ resourceAs: OTHER_RESOURCE_AS_ISSUER, resource: `${OTHER_RESOURCE_AS_ISSUER}/mcp` }),
    outcome: {
      refusedBy: 'authorization-server',
      error: 'invalid_grant',
      reason: 'id_jag.audience_mismatch',
    },
    note: 'An ID-JAG whose aud is another resource AS is presented here.',
    defence: "The resource AS accepts an ID-JAG only if its aud is this AS's own issuer (§4.4.1).",
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
  },
  {
    id: 'id-jag-replayed',
    title: 'Replayed ID-JAG',
    kind: 'attack',
    change: crossApp({ attack: 'replayed-id-jag' }),
    outcome: { refusedBy: 'authorization-server', error: 'invalid_grant', reason: 'id_jag.replayed' },
    note: 'The same ID-JAG is redeemed a second time.',
    defence: 'The resource AS accepts each jti once (RFC 7523 §3 item 7).',
  },
  {
    id: 'id-jag-expired',
    title: 'Expired ID-JAG',
    kind: 'attack',
    change: crossApp({ redeemDelay: 600 }),
    outcome: { refusedBy: 'authorization-server', error: 'invalid_grant', reason: 'id_jag.expired' },
    note: 'The agent redeems its five-minute ID-JAG ten minutes later.',
    defence: 'The resource AS refuses an assertion past its exp (RFC 7523 §3 item 4).',
  },
  {
    id: 'access-token-other-mcp',
    title: 'Access token at another MCP server',
    kind: 'attack',
    change: crossApp({ attack: 'token-at-other-mcp' }),
    outcome: { refusedBy: 'mcp-server', error: 'invalid_token', reason: 'mcp.wrong_resource' },
    note: 'The access token is sent to another MCP server.',
    defence: 'The MCP server accepts only tokens whose aud is its own resource URL (RFC 8707 §2).',
  },
  {
    id: 'id-jag-scope-escalation',
    title: 'Scope escalation at the resource AS',
    kind: 'attack',
    change: crossApp({ redeemScope: 'read:repo write:issues' }),
    outcome: { refusedBy: 'authorization-server', error: 'invalid_scope', reason: 'id_jag.scope_widened' },
    note: 'The ID-JAG grants read:repo; the agent asks the resource AS for write:issues too.',
    defence: "The resource AS issues no scope beyond the ID-JAG's (MCP EMA §7.2.1).",
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
  },
]
