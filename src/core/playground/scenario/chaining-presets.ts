// Presets of the identity-chaining flow: its happy path, and each attack of issue #14 with the check that stops it.
import type { Preset } from './presets.ts'
import type { ChainingAttack } from './flow-attacks.ts'
import type { ScenarioChange } from './scenario-change.ts'

const DRAFT = 'draft-ietf-oauth-identity-chaining-16'
const chaining = (attack: ChainingAttack) =>
  ({ flow: 'identity-chaining', chaining: { attack } }) satisfies ScenarioChange

export const CHAINING_PRESETS: readonly Preset[] = [
  {
    id: 'identity-chaining',
    title: 'Identity chaining: domain A → domain B',
    kind: 'scenario',
    change: chaining('none'),
    outcome: null,
    note: "Domain A's AS turns the agent's delegated token into a JWT grant for domain B; B's AS redeems it for its own token. sub changes form at each hop, act survives both.",
  },
]

export const CHAINING_ATTACK_PRESETS: readonly Preset[] = [
  {
    id: 'chaining-grant-at-third-domain',
    title: 'Grant presented at a third domain',
    kind: 'attack',
    change: chaining('grant-at-third-domain'),
    outcome: {
      refusedBy: 'authorization-server',
      error: 'invalid_grant',
      reason: 'chain.grant_audience_mismatch',
    },
    note: "The agent gets a grant made for domain C's AS and presents it at domain B.",
    defence: "The grant's aud names exactly one AS; B refuses a grant whose aud is not its own issuer.",
    stop: {
      changed: 'resource = domain C’s AS in the grant request; the grant is then presented at B',
      at: 'domain-b-as',
      reason: 'chain.grant_audience_mismatch',
      spec: 'RFC 7523 §3 (3)',
      check: 'the grant is valid, for this AS, and unused',
    },
  },
  {
    id: 'chaining-replayed-grant',
    title: 'Replayed grant',
    kind: 'attack',
    change: chaining('replayed-grant'),
    outcome: { refusedBy: 'authorization-server', error: 'invalid_grant', reason: 'chain.grant_replayed' },
    note: 'The agent redeems the grant at B; a copy of the same grant is presented again.',
    defence: "B remembers each grant's jti until it expires and redeems a grant only once.",
    stop: {
      changed: 'the same grant is sent to B’s token endpoint a second time',
      at: 'domain-b-as',
      reason: 'chain.grant_replayed',
      spec: 'RFC 7523 §3 (7)',
      check: 'the grant is valid, for this AS, and unused',
    },
  },
  {
    id: 'chaining-widened-at-b',
    title: 'Grant widened at domain B',
    kind: 'attack',
    change: chaining('widened-at-b'),
    outcome: { refusedBy: 'authorization-server', error: 'invalid_scope', reason: 'chain.scope_widened' },
    note: 'The grant carries read:repo; at B the agent asks for read:repo write:issues.',
    defence: 'B issues no scope the grant does not carry: a hop can only narrow.',
    stop: {
      changed: 'scope = read:repo write:issues at B’s token endpoint',
      at: 'domain-b-as',
      reason: 'chain.scope_widened',
      spec: `${DRAFT} §2.5`,
      check: 'scope within the grant',
    },
  },
  {
    id: 'chaining-domain-a-token-at-b',
    title: "Domain A's token used directly at B",
    kind: 'attack',
    change: chaining('domain-a-token-at-b'),
    outcome: { refusedBy: 'resource-server', error: 'invalid_token', reason: 'chain.foreign_token' },
    note: "The agent skips the hop and sends domain A's delegated token straight to B's API.",
    defence: "B's API accepts only tokens its own AS issued; crossing a domain takes a grant.",
    stop: {
      changed: 'no grant: A’s access token goes straight to B’s API',
      at: 'domain-b-rs',
      reason: 'chain.foreign_token',
      spec: `${DRAFT} §2.3.3`,
      check: 'the access token’s iss is this domain’s AS',
    },
  },
  {
    id: 'chaining-act-spliced',
    title: 'act chain spliced at the hop',
    kind: 'attack',
    change: chaining('act-spliced'),
    outcome: { refusedBy: 'idp', error: 'invalid_request', reason: 'chain.act_spliced' },
    note: 'The agent sends an actor_token with the chaining request, to add an actor to the chain between hops.',
    defence:
      'A chaining hop carries act as it is: domain A refuses anything that would add or drop an actor.',
    stop: {
      changed: 'actor_token added to the grant request at domain A',
      at: 'idp',
      reason: 'chain.act_spliced',
      spec: `${DRAFT} §2.5`,
      check: 'a chaining hop carries the act chain as it is',
    },
  },
]
