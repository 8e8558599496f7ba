// Who is in the exchange: the user the token speaks for and the agent that acts.
import { useId, type ReactNode } from 'react'
import { ATTESTATION_PLATFORMS, type AttestationPlatform } from '../../core/playground/index.ts'
import type { ScenarioApi } from '../hooks/use-scenario.ts'
import { DelegationOnlyNote } from './DelegationOnlyNote.tsx'
import { ControlGroup, Field, INPUT, Switch } from './fields.tsx'

interface WhoControlsProps {
  api: ScenarioApi
  /** A hand-edited raw request is in force, so these controls don't change what is sent. */
  overridden?: boolean
  errorFor: (control: 'user' | 'actor' | 'actorToken') => ReactNode
  /** The cross-app flow: the agent always authenticates with its JWT-SVID, so there is no actor-token switch. */
  crossApp?: boolean
}

export function WhoControls({ api, overridden = false, errorFor, crossApp = false }: WhoControlsProps) {
  const { scenario, setUser, setActor, setRequest } = api
  const usersId = useId()
  const actorsId = useId()
  const knownUsers = [
    ...new Set(scenario.policy.delegations.flatMap((rule) => rule.users).filter((user) => user !== '*')),
  ]
  if (!knownUsers.includes('u_alice')) knownUsers.push('u_alice')
  // Impersonation sends no actor token, so these two controls change nothing: say so at each.
  const unused = !crossApp && !scenario.request.sendActorToken
  const UNUSED = 'Unused: no actor token is sent (Send actor token is off).'
  // The actor still picks the client_id the agent sends, so only its actor-token role is unused.
  const ACTOR_UNUSED = 'No actor token is sent, so this only picks the client_id; nothing names the agent.'
  return (
    <ControlGroup legend="Who" overridden={overridden}>
      <Field
        label="User"
        hint="sub of the subject token: the person delegating."
        error={
          // An empty sub names nobody (RFC 7519 §4.1.2 wants it to identify the subject): say it here
          // rather than let a token with sub "" look like a meaningful run.
          scenario.user.sub.trim() === ''
            ? 'Enter a user id: the subject token’s sub would be empty and name nobody.'
            : errorFor('user')
        }
      >
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            className={INPUT}
            list={usersId}
            autoComplete="off"
            spellCheck={false}
            value={scenario.user.sub}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            onChange={(event) => setUser({ sub: event.target.value })}
          />
        )}
      </Field>
      <datalist id={usersId}>
        {knownUsers.map((user) => (
          <option key={user} value={user} />
        ))}
      </datalist>
      <Field
        label="Actor"
        hint={
          crossApp
            ? "The agent's SPIFFE ID: sub of the JWT-SVID it authenticates with at the IdP and the resource AS."
            : unused
              ? ACTOR_UNUSED
              : "The agent's SPIFFE ID: sub of the actor token."
        }
        error={errorFor('actor')}
      >
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            className={INPUT}
            list={actorsId}
            autoComplete="off"
            spellCheck={false}
            value={scenario.actor.spiffeId}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            onChange={(event) => setActor({ spiffeId: event.target.value })}
          />
        )}
      </Field>
      <datalist id={actorsId}>
        {scenario.policy.clients.map((client) => (
          <option key={client.spiffeId} value={client.spiffeId}>
            {client.clientId}
          </option>
        ))}
      </datalist>
      <Field
        label="Attestation"
        hint={unused ? UNUSED : 'Which platform vouched for the workload (act.attestation).'}
      >
        {({ id, describedBy }) => (
          <select
            id={id}
            className={INPUT}
            value={scenario.actor.attestation}
            aria-describedby={describedBy}
            onChange={(event) => setActor({ attestation: event.target.value as AttestationPlatform })}
          >
            {ATTESTATION_PLATFORMS.map((platform) => (
              <option key={platform} value={platform}>
                {platform === 'none' ? 'none (claim omitted)' : platform}
              </option>
            ))}
          </select>
        )}
      </Field>
      {crossApp ? (
        <DelegationOnlyNote>
          No “Send actor token” here: in cross-app access the agent always proves itself with its JWT-SVID as
          the client assertion, and the ID-JAG names it by client_id.
        </DelegationOnlyNote>
      ) : (
        <Switch
          label="Send actor token"
          checked={scenario.request.sendActorToken}
          onChange={(sendActorToken) => setRequest({ sendActorToken })}
          hint={
            scenario.request.sendActorToken
              ? 'Delegation: the token names the agent in act.'
              : 'Impersonation: no act claim, the agent looks like the user.'
          }
          error={errorFor('actorToken')}
        />
      )}
    </ControlGroup>
  )
}
