// The attack gallery's cards and "Defence on" switches, as data: which attacks a flow has, and what a switch does.
import type { Reason } from '../../protocol/errors/reasons.ts'
import { applyPreset } from './apply-preset.ts'
import { PRESETS, type Preset } from './presets.ts'
import type { FlowId, Scenario } from './scenario.ts'

/** An attack with the defence that stops it named: every gallery card has one switch. */
export type GalleryAttack = Preset & { outcome: NonNullable<Preset['outcome']> & { reason: Reason } }

const isGalleryAttack = (preset: Preset): preset is GalleryAttack =>
  preset.kind === 'attack' && preset.outcome?.reason !== undefined

/** The flow an attack runs in: the one its change names, else the seed's. */
export const flowOf = (preset: Preset): FlowId =>
  typeof preset.change.flow === 'string' ? (preset.change.flow as FlowId) : 'delegation'

/**
 * The attacks of one flow, in the preset registry's order. Flows add attacks by adding presets with
 * `kind: 'attack'` and an outcome naming its reason; they appear as cards with no change here.
 */
export const galleryAttacks = (flow: FlowId): GalleryAttack[] =>
  PRESETS.filter(isGalleryAttack).filter((attack) => flowOf(attack) === flow)

/**
 * The flows whose servers take defence switches (the delegation IdP and resource server; the cross-app
 * IdP, resource AS and MCP server; the chaining ASs and domain B's API; the TTS and the internal
 * services: every flow so far). A flow added without them shows cards with no switch, rather than one
 * that would change nothing.
 */
const FLOWS_WITH_DEFENCE_SWITCHES: ReadonlySet<FlowId> = new Set<FlowId>([
  'delegation',
  'cross-app',
  'identity-chaining',
  'transaction-tokens',
])

/** True when switching this attack's defence off really makes a vulnerable server. */
export const hasDefenceSwitch = (attack: GalleryAttack): boolean =>
  FLOWS_WITH_DEFENCE_SWITCHES.has(flowOf(attack))

/** True when the scenario runs with this attack's defence on. */
export const defenceIsOn = (scenario: Scenario, attack: GalleryAttack): boolean =>
  !scenario.defencesOff.includes(attack.outcome.reason)

/** True when the scenario is this attack, whatever its defence switches say. */
export const isAttackLoaded = (scenario: Scenario, attack: GalleryAttack): boolean =>
  JSON.stringify({ ...scenario, defencesOff: [] }) === JSON.stringify(applyPreset(attack))

/**
 * What flipping an attack's switch makes of the scenario. Off: the attack, loaded if it is not already,
 * against servers without exactly that defence. On: the same scenario with that defence back.
 */
export function switchDefence(scenario: Scenario, attack: GalleryAttack, on: boolean): Scenario {
  const reason = attack.outcome.reason
  if (on) return { ...scenario, defencesOff: scenario.defencesOff.filter((off) => off !== reason) }
  const base = isAttackLoaded(scenario, attack) ? scenario : applyPreset(attack)
  return { ...base, defencesOff: [...base.defencesOff.filter((off) => off !== reason), reason] }
}
