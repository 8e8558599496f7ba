// Presets of the transaction-token flow: its happy path, and each attack of issue #14 with the check that stops it.
import type { Preset } from './presets.ts'
import type { TxnAttack } from './flow-attacks.ts'
import type { ScenarioChange } from './scenario-change.ts'

const DRAFT = 'draft-ietf-oauth-transaction-tokens-08'
const txn = (attack: TxnAttack) => ({ flow: 'transaction-tokens', txn: { attack } }) satisfies ScenarioChange

export const TXN_PRESETS: readonly Preset[] = [
  {
    id: 'transaction-tokens',
    title: 'Transaction tokens: gateway → service A → service B',
    kind: 'scenario',
    change: txn('none'),
    outcome: null,
    note: "At the edge the gateway trades the agent's access token for a short-lived Txn-Token; service A verifies it, narrows it, and service B verifies the replacement. Every audit line names the user and the agent.",
  },
]

export const TXN_ATTACK_PRESETS: readonly Preset[] = [
  {
    id: 'txn-outside-trust-domain',
    title: 'Txn-Token used outside its trust domain',
    kind: 'attack',
    change: txn('outside-trust-domain'),
    outcome: { refusedBy: 'service', error: 'invalid_token', reason: 'txn.wrong_domain' },
    note: "Service A sends the Txn-Token on to a partner's service, in another trust domain.",
    defence: "A Txn-Token's aud is its trust domain; a service of any other domain refuses it.",
    stop: {
      changed: 'service B is a partner’s, in another trust domain',
      at: 'service-b',
      reason: 'txn.wrong_domain',
      spec: `${DRAFT} §12.2`,
      check: 'the Txn-Token’s aud is this trust domain',
    },
  },
  {
    id: 'txn-after-expiry',
    title: 'Txn-Token used after expiry',
    kind: 'attack',
    change: txn('after-expiry'),
    outcome: { refusedBy: 'service', error: 'invalid_token', reason: 'txn.expired' },
    note: 'A queued job reaches service B two minutes later, with a Txn-Token that lived one minute.',
    defence: 'Txn-Tokens are short-lived and every service checks exp.',
    stop: {
      changed: 'service B is called two Txn-Token lifetimes later',
      at: 'service-b',
      reason: 'txn.expired',
      spec: `${DRAFT} §12.2`,
      check: 'the Txn-Token has not expired',
    },
  },
  {
    id: 'txn-replacement-widens',
    title: 'Internal service widens scope in a replacement',
    kind: 'attack',
    change: txn('replacement-widens'),
    outcome: { refusedBy: 'transaction-token-service', error: 'invalid_scope', reason: 'txn.scope_widened' },
    note: 'Service A asks the TTS for a replacement with delete:repo, which the Txn-Token never held.',
    defence: 'A replacement narrows or keeps scope, never widens it.',
    stop: {
      changed: 'scope = read:repo delete:repo in service A’s replacement request',
      at: 'tts',
      reason: 'txn.scope_widened',
      spec: `${DRAFT} §13.15`,
      check: 'scope within what the subject token holds',
    },
  },
  {
    id: 'txn-tampered-tctx',
    title: 'Tampered transaction context',
    kind: 'attack',
    change: txn('tampered-tctx'),
    outcome: {
      refusedBy: 'transaction-token-service',
      error: 'invalid_request',
      reason: 'txn.tctx_tampered',
    },
    note: 'Service A asks for a replacement whose tctx says repo marwan/secrets instead of marwan/playground.',
    defence: 'What the gateway asserted in tctx is immutable: a replacement may add to it, never change it.',
    stop: {
      changed: 'request_details rewrites tctx.repo in service A’s replacement request',
      at: 'tts',
      reason: 'txn.tctx_tampered',
      spec: `${DRAFT} §9.2.3`,
      check: 'tctx keeps every asserted value',
    },
  },
  {
    id: 'txn-access-token-forwarded',
    title: 'External access token forwarded',
    kind: 'attack',
    change: txn('access-token-forwarded'),
    outcome: { refusedBy: 'service', error: 'invalid_token', reason: 'txn.access_token_forwarded' },
    note: "The gateway forwards the agent's access token to service A instead of the Txn-Token.",
    defence:
      'Internal services take only a Txn-Token, in the Txn-Token header; access tokens stay at the edge.',
    stop: {
      changed: 'Authorization: Bearer <access token> instead of the Txn-Token header',
      at: 'service-a',
      reason: 'txn.access_token_forwarded',
      spec: `${DRAFT} §13.4`,
      check: 'the Txn-Token header carries a Txn-Token',
    },
  },
]
