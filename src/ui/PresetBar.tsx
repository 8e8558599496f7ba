// Presets and sharing: pick a named scenario (or an attack), read what it shows, copy the link.
import { useMemo, useState } from 'react'
import { applyPreset, type Preset, PRESETS, type Scenario } from '../core/playground/index.ts'
import { BUTTON } from './components/buttons.ts'
import { Notice } from './components/Notice.tsx'
import { INPUT, LABEL } from './controls/fields.tsx'
import type { PermalinkApi } from './hooks/use-permalink.ts'
import { useCopy } from './hooks/use-copy.ts'

// Presets never change, so each is compared by its JSON once made.
let presetJson: [Preset, string][] | null = null
const presetFor = (scenario: Scenario): Preset | undefined => {
  presetJson ??= PRESETS.map((preset) => [preset, JSON.stringify(applyPreset(preset))])
  const json = JSON.stringify(scenario)
  return presetJson.find(([, candidate]) => candidate === json)?.[0]
}

export function PresetBar({ scenario, permalink }: { scenario: Scenario; permalink: PermalinkApi }) {
  const active = useMemo(() => presetFor(scenario), [scenario])
  const { state, copy } = useCopy()
  const [omitted, setOmitted] = useState<string[]>([])
  const copyLink = () =>
    void permalink.link().then(({ url, omitted: left }) => {
      setOmitted(left)
      copy(url)
    })

  return (
    <section
      aria-label="Presets"
      className="rounded-xl border border-slate-200 bg-white p-4 shadow-xs dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-0 grow basis-64">
          <label htmlFor="preset" className={LABEL}>
            Preset
          </label>
          <select
            id="preset"
            className={`${INPUT} mt-1 font-sans`}
            value={active?.id ?? ''}
            onChange={(event) => {
              const preset = PRESETS.find((candidate) => candidate.id === event.target.value)
              if (preset) permalink.choosePreset(preset)
            }}
          >
            {!active && <option value="">Custom scenario</option>}
            {(['scenario', 'attack'] as const).map((kind) => (
              <optgroup key={kind} label={kind === 'scenario' ? 'Scenarios' : 'Attack gallery'}>
                {PRESETS.filter((preset) => preset.kind === kind).map((preset) => (
                  <option key={preset.id} value={preset.id}>
                    {preset.title}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <button type="button" className={BUTTON} onClick={copyLink}>
          {state === 'copied' ? 'Link copied' : state === 'failed' ? 'Copy failed' : 'Copy permalink'}
        </button>
        <span role="status" className="sr-only">
          {state === 'copied' ? 'Permalink copied' : ''}
        </span>
      </div>
      <p className="mt-2 min-h-10 text-sm/5 text-slate-600 dark:text-slate-300" aria-live="polite">
        {active ? (
          <>
            <strong className="font-medium text-slate-900 dark:text-white">{active.title}.</strong>{' '}
            {active.note}
            {active.defence && (
              <>
                {' '}
                <span className="text-slate-900 dark:text-white">Defence:</span> {active.defence}
              </>
            )}
          </>
        ) : (
          'Your own scenario. The address bar always holds a link to exactly what you see.'
        )}
      </p>
      {omitted.length > 0 && (
        <Notice tone="info" className="mt-2">
          {omitted.join(' ')}
        </Notice>
      )}
      {permalink.notices.length > 0 && (
        <div role="alert" className="mt-2">
          <Notice tone="warn">
            <p className="font-medium">Parts of this link could not be used:</p>
            <ul className="mt-1 list-disc pl-4">
              {permalink.notices.map((notice, i) => (
                <li key={i}>{notice}</li>
              ))}
            </ul>
            <button type="button" className="mt-1 font-medium underline" onClick={permalink.dismissNotices}>
              Dismiss
            </button>
          </Notice>
        </div>
      )}
    </section>
  )
}
