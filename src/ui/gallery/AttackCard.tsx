// One attack of the gallery: load it, read what changed and what stops it, and switch that defence off.
import { useId } from 'react'
import { type GalleryAttack, hasDefenceSwitch } from '../../core/playground/index.ts'
import { REASONS } from '../../core/protocol/index.ts'
import { SpecRef } from '../components/SpecRef.tsx'
import { ATTACK_NAME_BUTTON, attackCardClass, DEFENCE_SWITCH } from './attack-card-style.ts'
import { changeLines } from './change-lines.ts'

/** Where each server stops an attack, for people; flows that add servers add their words here. */
const STOPPED_AT: Record<string, string> = {
  idp: 'the IdP, at the token exchange (POST /token)',
  'resource-server': 'the resource server, at the API call',
  'authorization-server': 'the authorization server, at its token endpoint (POST /token)',
  'mcp-server': 'the MCP server, at the tool call',
}

export interface AttackCardProps {
  attack: GalleryAttack
  loaded: boolean
  defenceOn: boolean
  onLoad: (attack: GalleryAttack) => void
  onDefence: (attack: GalleryAttack, on: boolean) => void
}

export function AttackCard({ attack, loaded, defenceOn, onLoad, onDefence }: AttackCardProps) {
  const id = useId()
  const { reason, refusedBy, error } = attack.outcome
  return (
    <li aria-labelledby={`${id}-name`} className={attackCardClass(loaded, defenceOn)}>
      <button
        id={`${id}-name`}
        type="button"
        aria-pressed={loaded}
        onClick={() => onLoad(attack)}
        className={ATTACK_NAME_BUTTON}
      >
        {attack.title}
      </button>
      <p className="text-slate-700 dark:text-slate-300">{attack.note}</p>
      <div>
        <p className="font-medium text-slate-700 dark:text-slate-300">Changed from the seed</p>
        <ul className="font-mono text-[0.7rem] break-all text-slate-600 dark:text-slate-400">
          {changeLines(attack.change).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </div>
      <p className="text-slate-700 dark:text-slate-300">
        <span className="font-medium">Stopped by </span>
        {STOPPED_AT[refusedBy] ?? refusedBy}: <code className="font-mono">{error}</code> (
        <code className="font-mono">{reason}</code>)
      </p>
      <p className="text-slate-700 dark:text-slate-300">
        <span className="font-medium">Defence: </span>
        {attack.defence} <SpecRef spec={REASONS[reason].spec} tabbable={false} />
      </p>
      {hasDefenceSwitch(attack) ? (
        <label className="mt-auto flex cursor-pointer items-center gap-2 self-start font-medium text-slate-800 dark:text-slate-200">
          <input
            type="checkbox"
            role="switch"
            checked={defenceOn}
            aria-label={`Defence on: ${attack.title}`}
            onChange={(event) => onDefence(attack, event.target.checked)}
            className={DEFENCE_SWITCH}
          />
          <span aria-hidden="true">Defence on</span>
          {!defenceOn && (
            <span className="rounded-sm bg-red-600 px-1.5 text-[0.65rem] font-bold tracking-wide text-white">
              OFF: vulnerable server
            </span>
          )}
        </label>
      ) : (
        <p className="mt-auto text-slate-600 dark:text-slate-400">
          No “Defence on” switch yet: this flow’s servers don’t take one.
        </p>
      )}
    </li>
  )
}
