// The attack gallery in plain sight: one card per attack of the scenario's flow, each with its defence switch.
import { useMemo, type ReactNode } from 'react'
import {
  defenceIsOn,
  type GalleryAttack,
  galleryAttacks,
  isAttackLoaded,
  type Preset,
  type Scenario,
  switchDefence,
} from '../../core/playground/index.ts'
import { AttackCard } from './AttackCard.tsx'

export interface AttackGalleryProps {
  scenario: Scenario
  /** Loads an attack as a preset (a new history entry). */
  onPreset: (preset: Preset) => void
  /** Replaces the scenario (a defence switch). */
  onScenario: (next: Scenario) => void
  /** More cards for the flow that are not presets (the passkey sign-in's, which need a real ceremony). */
  children?: ReactNode
}

export function AttackGallery({ scenario, onPreset, onScenario, children }: AttackGalleryProps) {
  const attacks = useMemo(() => galleryAttacks(scenario.flow), [scenario.flow])
  const onDefence = (attack: GalleryAttack, on: boolean) => onScenario(switchDefence(scenario, attack, on))
  return (
    <section
      aria-label="Attack gallery"
      className="rounded-xl border border-slate-200 bg-white p-4 shadow-xs dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 className="text-sm font-semibold text-slate-900 dark:text-white">Attack gallery</h2>
      <p className="mt-1 text-xs/5 text-slate-600 dark:text-slate-400">
        Load an attack to see where it is stopped. Switch its defence off to run it against a server that
        skips exactly that one check, and see what a vulnerable server would accept and log. The sandbox never
        runs with a defence off.
      </p>
      <ul className="mt-3 grid gap-3 sm:grid-cols-2 2xl:grid-cols-3">
        {attacks.map((attack) => (
          <AttackCard
            key={attack.id}
            attack={attack}
            loaded={isAttackLoaded(scenario, attack)}
            defenceOn={defenceIsOn(scenario, attack)}
            onLoad={onPreset}
            onDefence={onDefence}
          />
        ))}
        {children}
      </ul>
    </section>
  )
}
