// What the agent asks for: audiences, scope, token type, lifetime and proof of possession.
import type { ReactNode } from 'react'
import { scopesForbiddenByPolicy } from '../../core/playground/index.ts'
import { ISSUABLE_TOKEN_TYPES, REGISTERED_TOKEN_TYPES } from '../../core/protocol/index.ts'
import type { ScenarioApi } from '../hooks/use-scenario.ts'
import { AudienceField } from './AudienceField.tsx'
import type { ControlName } from './error-routing.ts'
import { DelegationOnlyNote } from './DelegationOnlyNote.tsx'
import { ControlGroup, Field, INPUT, Switch } from './fields.tsx'
import { NumberField } from './NumberField.tsx'
import { ScopeField } from './ScopeField.tsx'

interface RequestControlsProps {
  api: ScenarioApi
  /** A hand-edited raw request is in force, so these controls don't change what is sent. */
  overridden?: boolean
  errorFor: (control: ControlName) => ReactNode
  /** How the IdP cut the lifetime asked for, e.g. "asked for 9999 s, policy allows 600 s". */
  ttlNote?: string | null
  /** The cross-app flow: only DPoP applies; audience, scope, token type and TTL are the delegation request's. */
  crossApp?: boolean
}

const shortType = (uri: string) => uri.slice(uri.lastIndexOf(':') + 1)

export function RequestControls({
  api,
  overridden = false,
  errorFor,
  ttlNote = null,
  crossApp = false,
}: RequestControlsProps) {
  const { scenario, setRequest } = api
  const { request, policy } = scenario
  const dpop = (
    <Switch
      label="DPoP"
      checked={request.dpop}
      onChange={(dpop) => setRequest({ dpop })}
      hint={
        request.dpop
          ? 'Token bound to the agent’s key (cnf.jkt).'
          : 'Bearer token: whoever holds it can use it.'
      }
      error={errorFor('dpop')}
    />
  )
  if (crossApp)
    return (
      <ControlGroup legend="Request" overridden={overridden}>
        <DelegationOnlyNote>
          Audience, scope, requested token type and TTL shape the delegation exchange only. Here the ID-JAG
          request takes its audience, resource and scopes from “Cross-app access” above, and the IdP and
          resource AS set the lifetimes (five-minute ID-JAG, ten-minute access token).
        </DelegationOnlyNote>
        {dpop}
      </ControlGroup>
    )
  const audienceSuggestions = [
    ...new Set([
      ...policy.delegations.flatMap((rule) => rule.audiences.map((a) => a.audience)),
      'evil.example.com',
    ]),
  ]
  const tokenTypes = REGISTERED_TOKEN_TYPES.includes(request.requestedTokenType)
    ? REGISTERED_TOKEN_TYPES
    : [...REGISTERED_TOKEN_TYPES, request.requestedTokenType]
  return (
    <ControlGroup legend="Request" overridden={overridden}>
      <AudienceField
        audiences={request.audiences}
        suggestions={audienceSuggestions}
        onChange={(audiences) => setRequest({ audiences })}
        error={errorFor('audience')}
      />
      <ScopeField
        scope={request.scope}
        granted={scenario.user.grantedScopes}
        forbidden={scopesForbiddenByPolicy(scenario)}
        onChange={(scope) => setRequest({ scope })}
        error={errorFor('scope')}
      />
      <Field label="Requested token type" error={errorFor('tokenType')}>
        {({ id, describedBy, invalid }) => (
          <select
            id={id}
            className={INPUT}
            value={request.requestedTokenType}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            onChange={(event) => setRequest({ requestedTokenType: event.target.value })}
          >
            {tokenTypes.map((uri) => (
              <option key={uri} value={uri}>
                {shortType(uri)}
                {ISSUABLE_TOKEN_TYPES.includes(uri) ? '' : ' (not issued by this IdP)'}
              </option>
            ))}
          </select>
        )}
      </Field>
      <NumberField
        label="TTL"
        value={request.requestedTtl}
        allowEmpty
        unit="s"
        placeholder={`policy (max ${policy.maxTtl} s)`}
        onChange={(requestedTtl) => setRequest({ requestedTtl })}
        hint={
          <>
            requested_lifetime: a playground extension, not an RFC 8693 parameter. Empty leaves it to policy.
            {ttlNote && (
              <span className="block font-medium text-amber-800 dark:text-amber-300">Cut: {ttlNote}.</span>
            )}
          </>
        }
        error={errorFor('ttl')}
      />
      {dpop}
    </ControlGroup>
  )
}
