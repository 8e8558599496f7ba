// The playground: one Scenario drives everything; each edit produces a new Run that replaces the last.
import { Suspense, useCallback, useState } from 'react'
import { describeTtlCut, notSentError, refusalBy, SEED_SCENARIO } from '../core/playground/index.ts'
import { ControlsPanel } from './controls/ControlsPanel.tsx'
import { Notice } from './components/Notice.tsx'
import { OpenEditorButton } from './editor/EditorFrame.tsx'
import { LazyScenarioJsonEditor, prefetchScenarioJsonEditor } from './editor/load-code-editor.ts'
import { useKeyRing } from './hooks/use-key-ring.ts'
import { usePermalink } from './hooks/use-permalink.ts'
import { useRun } from './hooks/use-run.ts'
import { useScenario } from './hooks/use-scenario.ts'
import { useTheme } from './hooks/use-theme.ts'
import { InspectTokenSection } from './inspector/InspectTokenSection.tsx'
import { OutcomeBar } from './OutcomeBar.tsx'
import { LazyPresetBar } from './load-preset-bar.ts'
import { Panes } from './Panes.tsx'
import { GallerySlot } from './gallery/GallerySlot.tsx'
import { SiteHeader } from './SiteHeader.tsx'
import { EditScenarioBar } from './EditScenarioBar.tsx'
import { LazyPasskeyAttackCards, LazyPasskeySignIn } from './passkey/load-passkey-sign-in.ts'
import { usePasskeyChoice } from './passkey/use-passkey-choice.ts'

export function App() {
  const api = useScenario()
  const { scenario, replace, setEdits } = api
  const keyRing = useKeyRing()
  const permalink = usePermalink(scenario, replace)
  // Nothing runs until a link's scenario is read, so a shared link never flashes the seed first.
  // A real passkey sign-in is view state: the Run is a function of scenario, keys and this. The
  // scenario (and so a link) holds only the choice "real passkey" or "simulated".
  const passkey = usePasskeyChoice(scenario, api.setSignIn)
  const state = useRun(scenario, permalink.ready ? keyRing.keys : null, passkey.signIn)
  const theme = useTheme()
  const dark = theme.theme === 'dark'
  const [jsonOpen, setJsonOpen] = useState(false)
  const onEditRaw = useCallback((raw: string | null) => setEdits({ rawTokenRequest: raw }), [setEdits])
  const onTamper = useCallback((claims: string | null) => setEdits({ tamperedClaims: claims }), [setEdits])
  const failure = keyRing.error ?? state.crash

  return (
    <div className="min-h-dvh bg-slate-100/70 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <a
        href="#results"
        className="sr-only rounded-md bg-indigo-600 px-3 py-2 text-sm text-white focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50"
      >
        Skip to results
      </a>
      <SiteHeader theme={theme} />

      <div className="mx-auto grid max-w-[1680px] gap-5 px-4 py-5 sm:px-6 lg:grid-cols-[21rem_minmax(0,1fr)] lg:gap-6">
        <main
          id="results"
          aria-busy={state.pending}
          className="min-w-0 space-y-4 lg:col-start-2 lg:row-start-1 xl:space-y-5"
        >
          {failure && (
            <Notice tone="error">
              Something broke while running the scenario: {failure}. The last result stays on screen.
            </Notice>
          )}
          {jsonOpen && (
            <section
              aria-label="Scenario JSON editor"
              className="rounded-xl border border-slate-200 bg-white p-4 shadow-xs dark:border-slate-800 dark:bg-slate-900"
            >
              <Suspense fallback={<div className="h-[26rem]" role="status" aria-label="Loading editor" />}>
                <LazyScenarioJsonEditor
                  id="scenario-json"
                  scenario={scenario}
                  onScenario={replace}
                  onClose={() => setJsonOpen(false)}
                  dark={dark}
                />
              </Suspense>
            </section>
          )}
          <OutcomeBar run={state.run} />
          <Panes state={state} dark={dark} onEditRaw={onEditRaw} onTamper={onTamper} />
          <GallerySlot scenario={scenario} onPreset={permalink.choosePreset} onScenario={replace}>
            {/* Only the delegation flow signs the user in with the page's passkey ceremony. */}
            {scenario.flow === 'delegation' && (
              <Suspense fallback={null}>
                <LazyPasskeyAttackCards sub={scenario.user.sub} onSignIn={passkey.onSignIn} />
              </Suspense>
            )}
          </GallerySlot>
          <InspectTokenSection />
        </main>
        <aside
          id="controls"
          aria-label="Controls"
          className="flex min-w-0 scroll-mt-16 flex-col gap-4 self-start lg:sticky lg:top-5 lg:col-start-1 lg:row-start-1 lg:max-h-[calc(100dvh-2.5rem)] lg:overflow-y-auto"
        >
          <Suspense
            fallback={
              <div
                className="h-[7.5rem] rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
                role="status"
                aria-label="Loading presets"
              />
            }
          >
            <LazyPresetBar scenario={scenario} permalink={permalink} />
          </Suspense>
          <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-xs dark:border-slate-800 dark:bg-slate-900">
            <ControlsPanel
              api={api}
              exchangeError={state.run ? (refusalBy(state.run, 'idp') ?? notSentError(state.run)) : null}
              ttlNote={state.run ? describeTtlCut(state.run) : null}
              onReset={() => replace(SEED_SCENARIO)}
              scenarioEditor={
                <OpenEditorButton
                  label="Scenario JSON"
                  open={jsonOpen}
                  controls="scenario-json"
                  onToggle={() => setJsonOpen(!jsonOpen)}
                  prefetch={prefetchScenarioJsonEditor}
                />
              }
            />
            <Suspense fallback={null}>
              <LazyPasskeySignIn
                sub={scenario.user.sub}
                realPasskey={passkey.realPasskey}
                onSignIn={passkey.onSignIn}
              />
            </Suspense>
          </div>
        </aside>
      </div>
      <EditScenarioBar />
    </div>
  )
}
