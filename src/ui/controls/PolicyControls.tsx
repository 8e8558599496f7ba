// A few of the IdP's policy switches, for the behaviours they unlock (nonce retry, refusing impersonation).
import type { ScenarioApi } from '../hooks/use-scenario.ts'
import { DelegationOnlyNote } from './DelegationOnlyNote.tsx'
import { ControlGroup, Switch } from './fields.tsx'
import { NumberField } from './NumberField.tsx'

export function PolicyControls({ api, crossApp = false }: { api: ScenarioApi; crossApp?: boolean }) {
  const { policy } = api.scenario
  const { setPolicy } = api
  if (crossApp)
    return (
      <ControlGroup legend="IdP policy">
        <DelegationOnlyNote>
          These switches (nonce, proof of possession, impersonation, actor profile, lifetime cap) belong to
          the delegation IdP’s exchange policy. The cross-app IdP applies its own: which agent may get an
          ID-JAG to which resource AS for which user, and a sign-in at most an hour old.
        </DelegationOnlyNote>
      </ControlGroup>
    )
  return (
    <ControlGroup legend="IdP policy">
      <Switch
        label="Require a nonce"
        checked={policy.requireDpopNonce}
        onChange={(requireDpopNonce) => setPolicy({ requireDpopNonce })}
        hint="The IdP answers use_dpop_nonce first; the agent retries with its nonce."
      />
      <Switch
        label="Require proof of possession"
        checked={policy.requireDpop}
        onChange={(requireDpop) => setPolicy({ requireDpop })}
        hint="Every token must be bound to a key with DPoP."
      />
      <Switch
        label="Refuse impersonation"
        checked={policy.requireActorToken}
        onChange={(requireActorToken) => setPolicy({ requireActorToken })}
        hint="Refuse impersonation: every exchange must name its agent."
      />
      <Switch
        label="Apply the actor profile"
        checked={Boolean(policy.actorProfile)}
        onChange={(on) => setPolicy({ actorProfile: on ? { actorSubProfile: 'ai_agent' } : null })}
        hint="Every act carries iss and sub_profile; the checks list each profile rule."
      />
      <NumberField
        label="Lifetime cap"
        value={policy.maxTtl}
        unit="s"
        onChange={(maxTtl) => setPolicy({ maxTtl: maxTtl ?? policy.maxTtl })}
      />
    </ControlGroup>
  )
}
