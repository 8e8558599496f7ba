// The cross-app access (ID-JAG) presets: the happy path and every attack, each with the check that stops it.
import type { Preset } from './presets.ts'
import { OTHER_RESOURCE_AS_ISSUER, TEST_RUNNER } from './seed-scenario.ts'

const crossApp = (change: Record<string, unknown>) => ({ flow: 'cross-app', crossApp: change })

/**
 * Each attack names what the attacker changed, where it is stopped (`outcome.refusedBy`, the party's
 * kind), the defence, and `outcome.reason`: the reason id of the one check that stops it, which a
 * "Defence on" switch turns off.
 * @see draft-ietf-oauth-identity-assertion-authz-grant-04 §4.3.3, §4.4.1, §8.2
 */
export const CROSS_APP_PRESETS: readonly Preset[] = [
  {
    id: 'cross-app',
    title: 'Cross-app access (ID-JAG)',
    kind: 'scenario',
    change: { flow: 'cross-app' },
    outcome: null,
    note: "The agent turns the user's ID token into an ID-JAG at the IdP, redeems it at the MCP server's authorization server for a DPoP-bound token, and calls the tool: the MCP server logs the user as principal and the agent as acting client.",
  },
  {
    id: 'id-jag-at-idp',
    title: 'ID-JAG presented at the IdP',
    kind: 'attack',
    change: crossApp({ attack: 'id-jag-at-idp' }),
    outcome: { refusedBy: 'idp', error: 'invalid_grant', reason: 'id_jag.redeemed_at_issuer' },
    changed: 'The ID-JAG is sent as a JWT bearer grant to the IdP that issued it.',
    note: 'The agent tries to redeem the ID-JAG at the IdP itself, instead of the resource AS.',
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
    changed: `The ID-JAG's aud is ${OTHER_RESOURCE_AS_ISSUER}, and it is presented here anyway.`,
    note: 'An ID-JAG issued for another authorization server is presented at this one.',
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
    changed: `The ID-JAG is redeemed by ${TEST_RUNNER}, authenticated with its own JWT-SVID.`,
    note: "Another agent got hold of the code reviewer's ID-JAG and redeems it as itself.",
    defence: "The ID-JAG's client_id must be the client that authenticated at the resource AS (§4.4.1).",
  },
  {
    id: 'id-jag-replayed',
    title: 'Replayed ID-JAG',
    kind: 'attack',
    change: crossApp({ attack: 'replayed-id-jag' }),
    outcome: { refusedBy: 'authorization-server', error: 'invalid_grant', reason: 'id_jag.replayed' },
    changed: 'The same ID-JAG is redeemed a second time.',
    note: 'The ID-JAG is redeemed once by the agent, then again from a copy.',
    defence: 'The resource AS accepts each jti once (RFC 7523 §3 item 7).',
  },
  {
    id: 'id-jag-expired',
    title: 'Expired ID-JAG',
    kind: 'attack',
    change: crossApp({ redeemDelay: 600 }),
    outcome: { refusedBy: 'authorization-server', error: 'invalid_grant', reason: 'id_jag.expired' },
    changed: 'The agent waits ten minutes before redeeming a five-minute ID-JAG.',
    note: 'The ID-JAG is redeemed after its exp.',
    defence: 'The resource AS refuses an assertion past its exp (RFC 7523 §3 item 4).',
  },
  {
    id: 'access-token-other-mcp',
    title: 'Access token at another MCP server',
    kind: 'attack',
    change: crossApp({ attack: 'token-at-other-mcp' }),
    outcome: { refusedBy: 'mcp-server', error: 'invalid_token', reason: 'mcp.wrong_resource' },
    changed: "The access token issued for the ID-JAG's resource is sent to another MCP server.",
    note: 'The agent uses its access token at an MCP server other than the one it was issued for.',
    defence: 'The MCP server accepts only tokens whose aud is its own resource URL (RFC 8707 §2).',
  },
  {
    id: 'id-jag-scope-escalation',
    title: 'Scope escalation at the resource AS',
    kind: 'attack',
    change: crossApp({ redeemScope: 'read:repo write:issues' }),
    outcome: { refusedBy: 'authorization-server', error: 'invalid_scope', reason: 'id_jag.scope_widened' },
    changed: "The agent asks the resource AS for write:issues, beyond the ID-JAG's read:repo.",
    note: 'The ID-JAG grants read:repo; the agent asks the resource AS for more.',
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
    changed: 'The user signed in two hours ago; the IdP allows one hour.',
    note: 'The sign-in behind the ID token is older than the IdP allows for an ID-JAG.',
    defence:
      'The IdP asks for a fresh sign-in with insufficient_user_authentication and max_age (RFC 9470 §3, draft §8.2).',
  },
]
