// The colour of a sequence step, by what was decided about it.
import type { SequenceRow } from '../../core/playground/index.ts'

/** Stroke and text colours per state, light and dark. */
export const STATE_CLASSES: Record<SequenceRow['state'], string> = {
  accepted: 'text-green-700 dark:text-green-400',
  refused: 'text-red-700 dark:text-red-400',
  vulnerable: 'text-amber-700 dark:text-amber-400',
  'not-reached': 'text-slate-400 dark:text-slate-500',
}
