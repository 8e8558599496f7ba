// How long a shared link's fragment is: for the seed, the seed with one edit, and the longest preset.
import { applyPreset } from '../src/core/playground/scenario/apply-preset.ts'
import { encodePermalink } from '../src/core/playground/scenario/encode-permalink.ts'
import { PRESETS } from '../src/core/playground/scenario/presets.ts'
import { SEED_SCENARIO } from '../src/core/playground/scenario/seed-scenario.ts'

export interface PermalinkLengths {
  /** Characters of the fragment after `#`, e.g. `s=1.` for the seed. */
  seed: number
  /** The seed with one scope removed from the request (`read:repo` only). */
  oneEdit: number
  longestPreset: { id: string; length: number }
}

export async function permalinkLengths(): Promise<PermalinkLengths> {
  const length = async (scenario: typeof SEED_SCENARIO) => (await encodePermalink(scenario)).fragment.length
  const oneEdit = { ...SEED_SCENARIO, request: { ...SEED_SCENARIO.request, scope: 'read:repo' } }
  const presets = await Promise.all(
    PRESETS.map(async (preset) => ({ id: preset.id, length: await length(applyPreset(preset)) })),
  )
  return {
    seed: await length(SEED_SCENARIO),
    oneEdit: await length(oneEdit),
    longestPreset: presets.reduce((longest, preset) => (preset.length > longest.length ? preset : longest)),
  }
}
