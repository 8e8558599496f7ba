// The attack gallery: each preset stages one attack and names the defence that stops it, by its reason id.
import { CHAINING_ATTACK_PRESETS } from './chaining-presets.ts'
import type { Preset } from './presets.ts'
import { TXN_ATTACK_PRESETS } from './txn-presets.ts'
import { DEPLOY_BOT, IDP_ISSUER, SEED_ACTOR } from './seed-scenario.ts'

export const ATTACK_GALLERY: readonly Preset[] = [
  {
    id: 'scope-escalation',
    title: 'Scope escalation',
    kind: 'attack',
    change: { request: { scope: 'read:repo delete:repo' } },
    outcome: { refusedBy: 'idp', error: 'invalid_scope', reason: 'exchange.scope_not_granted' },
    note: 'The agent asks for delete:repo, which the user never granted.',
    defence:
      "An exchange can only narrow: the IdP compares every requested scope with the subject token's scope.",
  },
  {
    id: 'audience-outside-policy',
    title: 'Audience outside policy',
    kind: 'attack',
    // The agent means to call the billing API; no resource server here answers for it, so an IdP
    // that mints the token anyway ends the run there.
    change: {
      request: { audiences: ['billing.internal.example'] },
      resourceCall: { audience: 'billing.internal.example' },
    },
    outcome: { refusedBy: 'idp', error: 'invalid_target', reason: 'target.audience_not_allowed' },
    note: 'The agent asks for a token for the billing API.',
    defence: "The IdP's policy lists the audiences each agent may reach; anything else is invalid_target.",
  },
  {
    id: 'may-act-mismatch',
    title: 'Actor not named by may_act',
    kind: 'attack',
    change: { user: { mayAct: DEPLOY_BOT } },
    outcome: { refusedBy: 'idp', error: 'invalid_request', reason: 'exchange.may_act_mismatch' },
    note: "The user's token allows only the deploy bot to act; the code reviewer tries anyway.",
    defence: "RFC 8693 §4.4: the IdP refuses an actor the subject token's may_act does not name.",
  },
  {
    id: 'expired-subject-token',
    title: 'Expired subject token',
    kind: 'attack',
    change: { clockOffset: 2 * 3600 },
    outcome: { refusedBy: 'idp', error: 'invalid_request', reason: 'token.expired' },
    note: "Two hours later the user's one-hour token has expired, and the agent tries to exchange it.",
    defence: 'The IdP checks exp on both input tokens, and never issues a token that outlives them.',
  },
  {
    id: 'untrusted-actor-issuer',
    title: 'Actor token from an untrusted issuer',
    kind: 'attack',
    change: { actor: { issuer: 'https://attacker.example' } },
    outcome: { refusedBy: 'idp', error: 'invalid_request', reason: 'exchange.actor_issuer_untrusted' },
    note: 'Anyone can mint a JWT that says sub=spiffe://prod/agent/code-reviewer/v3.',
    defence:
      'The IdP trusts actor tokens only from the workload issuers in its policy, verified with their keys.',
  },
  {
    id: 'stolen-token',
    title: 'Stolen token without the DPoP key',
    kind: 'attack',
    change: { attack: 'stolen-token' },
    outcome: { refusedBy: 'resource-server', error: 'invalid_token', reason: 'dpop.key_mismatch' },
    note: 'A thief replays the delegated token with a DPoP proof signed by its own key.',
    defence:
      "cnf.jkt binds the token to the agent's key; the proof's key thumbprint does not match (RFC 9449 §7.1).",
  },
  {
    id: 'replayed-proof',
    title: 'Replayed DPoP proof',
    kind: 'attack',
    change: { attack: 'replayed-proof' },
    outcome: { refusedBy: 'resource-server', error: 'invalid_dpop_proof', reason: 'dpop.replayed' },
    note: 'The same request, proof and all, is sent a second time.',
    defence:
      "The resource server remembers each proof's jti for as long as its iat is acceptable (RFC 9449 §11.1).",
  },
  {
    id: 'proof-for-other-url',
    title: 'DPoP proof for another URL',
    kind: 'attack',
    change: { attack: 'proof-for-other-url' },
    outcome: { refusedBy: 'resource-server', error: 'invalid_dpop_proof', reason: 'dpop.htu_mismatch' },
    note: 'A proof captured from a request to /user/keys is reused for the repository.',
    defence: 'htu must match the request URL (RFC 9449 §4.3 (9)).',
  },
  {
    id: 'proof-for-other-method',
    title: 'DPoP proof for another method',
    kind: 'attack',
    change: { attack: 'proof-for-other-method' },
    outcome: { refusedBy: 'resource-server', error: 'invalid_dpop_proof', reason: 'dpop.htm_mismatch' },
    note: 'A proof made for DELETE is presented with a GET.',
    defence: 'htm must match the request method (RFC 9449 §4.3 (8)).',
  },
  {
    id: 'alg-none',
    title: 'Token with alg: none',
    kind: 'attack',
    change: { attack: 'alg-none' },
    outcome: { refusedBy: 'resource-server', error: 'invalid_token', reason: 'token.alg' },
    note: 'The token is re-encoded unsigned, with "alg": "none".',
    defence: 'The resource server accepts only the asymmetric algorithms on its allowlist (RFC 8725 §3.1).',
  },
  {
    id: 'tampered-claims',
    title: 'Claims edited after signing',
    kind: 'attack',
    // A bearer token (no DPoP): the edited claims carry no cnf, so only the signature stands in the way.
    change: {
      request: { dpop: false },
      edits: {
        tamperedClaims: JSON.stringify(
          {
            iss: IDP_ISSUER,
            sub: 'u_marwan',
            aud: 'api.github.com',
            client_id: 'a_code_reviewer',
            scope: 'read:repo write:issues admin:org',
            exp: 4102444800,
            iat: 1778451181,
            jti: '00000000-0000-4000-8000-000000000000',
            act: SEED_ACTOR,
          },
          null,
          2,
        ),
      },
    },
    outcome: { refusedBy: 'resource-server', error: 'invalid_token', reason: 'token.signature' },
    note: "The agent's bearer token has its claims changed to add admin:org and live until 2100, keeping the original signature.",
    defence: 'The signature covers the claims: any edit breaks it (RFC 7515 §5.2).',
  },
  ...CHAINING_ATTACK_PRESETS,
  ...TXN_ATTACK_PRESETS,
]
