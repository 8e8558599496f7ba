// The cross-app flow's own controls: where the ID-JAG is for, the scopes at each server, time, and the attack.
import { CROSS_APP_ATTACKS, type CrossAppAttack, type ScenarioCrossApp } from '../../core/playground/index.ts'
import type { ScenarioApi } from '../hooks/use-scenario.ts'
import { Field, INPUT } from './fields.tsx'

const ATTACK_LABELS: Record<CrossAppAttack, string> = {
  none: 'None: the agent follows the flow honestly',
  'id-jag-at-idp': 'Present the ID-JAG at the IdP',
  'other-agent-redeems': 'Another agent redeems the ID-JAG',
  'replayed-id-jag': 'Redeem the ID-JAG twice',
  'token-at-other-mcp': 'Use the access token at another MCP server',
}

type TextKey = 'resourceAs' | 'resource' | 'scope' | 'redeemScope'
const TEXT_FIELDS: [TextKey, string, string][] = [
  ['resourceAs', 'Resource AS (audience)', "The ID-JAG's aud: the MCP server's authorization server."],
  ['resource', 'MCP server (resource)', "The ID-JAG's resource, and the access token's aud."],
  ['scope', 'Scope at the IdP', 'What the ID-JAG may grant.'],
  ['redeemScope', 'Scope at the resource AS', "Empty asks for the ID-JAG's scope."],
]

type SecondsKey = 'idTokenAge' | 'redeemDelay'
const SECONDS_FIELDS: [SecondsKey, string, string][] = [
  ['idTokenAge', 'Sign-in age (s)', 'Seconds since auth_time; the IdP allows 3600.'],
  ['redeemDelay', 'Redeem after (s)', 'The ID-JAG lives 300 s.'],
]

export function CrossAppControls({ api }: { api: ScenarioApi }) {
  const x = api.scenario.crossApp
  const set = (patch: Partial<ScenarioCrossApp>) =>
    api.replace({ ...api.scenario, crossApp: { ...x, ...patch } })
  const seconds = (value: string) => Math.max(0, Math.trunc(Number(value) || 0))
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-semibold">Cross-app access</legend>
      {TEXT_FIELDS.map(([key, label, hint]) => (
        <Field key={key} label={label} hint={hint}>
          {({ id, describedBy }) => (
            <input
              id={id}
              aria-describedby={describedBy}
              className={INPUT}
              value={x[key]}
              onChange={(event) => set({ [key]: event.target.value })}
            />
          )}
        </Field>
      ))}
      {SECONDS_FIELDS.map(([key, label, hint]) => (
        <Field key={key} label={label} hint={hint}>
          {({ id, describedBy }) => (
            <input
              id={id}
              type="number"
              min={0}
              aria-describedby={describedBy}
              className={INPUT}
              value={x[key]}
              onChange={(event) => set({ [key]: seconds(event.target.value) })}
            />
          )}
        </Field>
      ))}
      <Field label="Cross-app attack">
        {({ id }) => (
          <select
            id={id}
            className={`${INPUT} font-sans`}
            value={x.attack}
            onChange={(event) => set({ attack: event.target.value as CrossAppAttack })}
          >
            {CROSS_APP_ATTACKS.map((attack) => (
              <option key={attack} value={attack}>
                {ATTACK_LABELS[attack]}
              </option>
            ))}
          </select>
        )}
      </Field>
    </fieldset>
  )
}
