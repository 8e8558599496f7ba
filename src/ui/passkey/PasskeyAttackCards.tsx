// The passkey attacks as attack-gallery cards: each runs a real ceremony with the attack, and has its switch.
import { useId } from 'react'
import { PASSKEY_ATTACKS, type PasskeyAttack, type SignInResult } from '../../core/playground/index.ts'
import { REASONS } from '../../core/protocol/index.ts'
import { SpecRef } from '../components/SpecRef.tsx'
import { ATTACK_NAME_BUTTON, attackCardClass, DEFENCE_SWITCH } from '../gallery/attack-card-style.ts'
import { runCeremony, switchPasskeyDefence, useCeremony } from './ceremony-store.ts'
import { webAuthnAvailable } from './load-ceremony.ts'

export interface PasskeyAttackCardsProps {
  /** The demo user the passkey is named after. */
  sub: string
  onSignIn: (signIn: SignInResult | undefined) => void
}

/** List items for the gallery's list: one card per passkey attack. */
export function PasskeyAttackCards({ sub, onSignIn }: PasskeyAttackCardsProps) {
  const ceremony = useCeremony()
  const available = webAuthnAvailable()
  return PASSKEY_ATTACKS.map((attack) => (
    <PasskeyAttackCard
      key={attack.id}
      attack={attack}
      available={available}
      busy={ceremony.busy}
      played={ceremony.outcome !== null && ceremony.attack === attack.id}
      defenceOn={!ceremony.defencesOff.has(attack.reason)}
      onRun={() => void runCeremony(sub, attack.id, onSignIn)}
    />
  ))
}

function PasskeyAttackCard({
  attack,
  available,
  busy,
  played,
  defenceOn,
  onRun,
}: {
  attack: PasskeyAttack
  available: boolean
  busy: boolean
  played: boolean
  defenceOn: boolean
  onRun: () => void
}) {
  const id = useId()
  return (
    <li aria-labelledby={`${id}-name`} className={attackCardClass(played, defenceOn)}>
      <button
        id={`${id}-name`}
        type="button"
        aria-pressed={played}
        disabled={!available || busy}
        onClick={onRun}
        className={ATTACK_NAME_BUTTON}
      >
        {attack.name}
      </button>
      <p className="text-slate-700 dark:text-slate-300">
        {available
          ? 'Runs a real passkey ceremony on this device, with the attack, at the sign-in step.'
          : 'Needs a passkey-capable browser: this one offers no WebAuthn here (an old browser or an insecure context), so the sign-in stays a simulated passkey.'}
      </p>
      <div>
        <p className="font-medium text-slate-700 dark:text-slate-300">Changed from an honest sign-in</p>
        <p className="text-slate-600 dark:text-slate-400">{attack.change}</p>
      </div>
      <p className="text-slate-700 dark:text-slate-300">
        <span className="font-medium">Stopped by </span>
        the IdP, at the sign-in step (WebAuthn assertion): <code className="font-mono">access_denied</code> (
        <code className="font-mono">{attack.reason}</code>)
      </p>
      <p className="text-slate-700 dark:text-slate-300">
        <span className="font-medium">Defence: </span>
        {attack.defence} <SpecRef spec={REASONS[attack.reason].spec} tabbable={false} />
      </p>
      {!defenceOn && (
        <p className="text-red-800 dark:text-red-300">
          Defence off, for the next run of this card: {attack.whenOff}
        </p>
      )}
      <label className="mt-auto flex cursor-pointer items-center gap-2 self-start font-medium text-slate-800 dark:text-slate-200">
        <input
          type="checkbox"
          role="switch"
          checked={defenceOn}
          disabled={!available}
          aria-label={`Defence on: ${attack.name}`}
          onChange={(event) => switchPasskeyDefence(attack.reason, event.target.checked)}
          className={DEFENCE_SWITCH}
        />
        <span aria-hidden="true">Defence on</span>
        {!defenceOn && (
          <span className="rounded-sm bg-red-600 px-1.5 text-[0.65rem] font-bold tracking-wide text-white">
            OFF: vulnerable IdP
          </span>
        )}
      </label>
    </li>
  )
}
