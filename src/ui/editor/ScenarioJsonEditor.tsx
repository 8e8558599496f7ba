// "Scenario JSON": the whole scenario as text. Valid JSON becomes the new scenario; anything else is
// marked in place and the last valid run stays on screen.
import { useState } from 'react'
import type { Scenario } from '../../core/playground/index.ts'
import { parseScenarioJson } from '../../core/playground/untrusted-input.ts'
import { BUTTON } from '../components/buttons.ts'
import type { EditorMarker } from './CodeEditor.tsx'
import { EditorFrame } from './EditorFrame.tsx'
import { LazyCodeEditor } from './load-code-editor.ts'
import { JSON_PASTE_MAX_DEPTH, SCENARIO_JSON_PASTE_LIMIT } from './paste-limits.ts'

export interface ScenarioJsonEditorProps {
  id: string
  scenario: Scenario
  onScenario: (scenario: Scenario) => void
  onClose: () => void
  dark: boolean
}

type Problem = { message: string; markers: EditorMarker[] }

const pretty = (scenario: Scenario) => JSON.stringify(scenario, null, 2)

export function ScenarioJsonEditor({ id, scenario, onScenario, onClose, dark }: ScenarioJsonEditorProps) {
  const [document, setDocument] = useState(() => pretty(scenario))
  // The scenario the text on screen stands for; another one means a control changed it.
  const [shown, setShown] = useState(scenario)
  const [problem, setProblem] = useState<Problem | null>(null)
  const [notices, setNotices] = useState<string[]>([])
  if (scenario !== shown) {
    setShown(scenario)
    setDocument(pretty(scenario))
    setProblem(null)
    setNotices([])
  }

  const onChange = (text: string) => {
    const parsed = parseScenarioJson(text)
    if (!parsed.ok) {
      const at =
        parsed.line === undefined
          ? []
          : [{ message: parsed.message, line: parsed.line, column: parsed.column ?? 1 }]
      setProblem({ message: parsed.message, markers: at })
      return
    }
    setProblem(null)
    setNotices(parsed.notices)
    setShown(parsed.scenario)
    onScenario(parsed.scenario)
  }

  return (
    <div id={id}>
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Everything the playground runs from. Valid edits apply as you type.
        </p>
        <button type="button" className={BUTTON} onClick={onClose}>
          Close
        </button>
      </div>
      <EditorFrame height={360} pasteLimit={SCENARIO_JSON_PASTE_LIMIT} pasteMaxDepth={JSON_PASTE_MAX_DEPTH}>
        <LazyCodeEditor
          document={document}
          language="json"
          ariaLabel="Scenario JSON"
          dark={dark}
          height={360}
          onChange={onChange}
          markers={problem?.markers ?? []}
        />
      </EditorFrame>
      <div aria-live="polite" className="mt-2 min-h-5 text-xs">
        {problem ? (
          <p className="text-red-700 dark:text-red-300">
            <span className="font-semibold">Not applied:</span> {problem.message}
            {problem.markers[0] &&
              !/\bline \d/.test(problem.message) &&
              ` (line ${problem.markers[0].line}, column ${problem.markers[0].column})`}
            {/[.)]$/.test(problem.message) ? '' : '.'}
            The last valid scenario is still running.
          </p>
        ) : notices.length > 0 ? (
          <ul className="list-inside list-disc text-slate-600 dark:text-slate-400">
            {notices.map((notice) => (
              <li key={notice}>{notice}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  )
}
