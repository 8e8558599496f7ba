// The attacker's move at the resource server, for the attack gallery.
import { ATTACKS, type Attack } from '../../core/playground/scenario/scenario.ts'
import type { ScenarioApi } from '../hooks/use-scenario.ts'
import { Field, INPUT } from './fields.tsx'

const ATTACK_LABELS: Record<Attack, string> = {
  none: 'None: the agent calls the API honestly',
  'stolen-token': 'Stolen token, thief’s own DPoP key',
  'replayed-proof': 'Replay the same request and proof',
  'proof-for-other-url': 'DPoP proof made for another URL',
  'proof-for-other-method': 'DPoP proof made for another method',
  'alg-none': 'Re-encode the token with alg: none',
}

export function AttackControl({ api }: { api: ScenarioApi }) {
  return (
    <Field label="Attack" hint="What happens to the delegated token on its way to the API.">
      {({ id, describedBy }) => (
        <select
          id={id}
          aria-describedby={describedBy}
          className={`${INPUT} font-sans`}
          value={api.scenario.attack}
          onChange={(event) => api.replace({ ...api.scenario, attack: event.target.value as Attack })}
        >
          {ATTACKS.map((attack) => (
            <option key={attack} value={attack}>
              {ATTACK_LABELS[attack]}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}
