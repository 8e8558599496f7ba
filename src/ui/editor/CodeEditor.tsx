// The Monaco editor, lazily loaded. What is typed and what the app sets are kept apart, so typing never
// races a re-render: the app's `document` is applied only when it really changes, and never echoed back.
import Editor from '@monaco-editor/react'
import type { editor } from 'monaco-editor'
import { useEffect, useMemo, useRef } from 'react'
import { monaco } from './monaco-setup.ts'

export interface EditorMarker {
  message: string
  line: number
  column: number
}

export interface CodeEditorProps {
  /** The text the app wants shown: set on mount, and again only when this string changes. */
  document: string
  language: 'json' | 'plaintext'
  ariaLabel: string
  dark: boolean
  height: number
  /** Called with the text after every edit the person makes (not after `document` is applied). */
  onChange: (text: string) => void
  markers?: EditorMarker[]
}

const BASE_OPTIONS: editor.IStandaloneEditorConstructionOptions = {
  minimap: { enabled: false },
  fontSize: 12,
  lineHeight: 19,
  scrollBeyondLastLine: false,
  wordWrap: 'on',
  wrappingStrategy: 'advanced',
  automaticLayout: true,
  tabSize: 2,
  renderLineHighlight: 'none',
  fixedOverflowWidgets: true,
  padding: { top: 8, bottom: 8 },
  scrollbar: { alwaysConsumeMouseWheel: false },
  overviewRulerLanes: 0,
}

const MARKER_OWNER = 'playground'

export default function CodeEditor(props: CodeEditorProps) {
  const { document, language, ariaLabel, dark, height, markers } = props
  const editorRef = useRef<editor.IStandaloneCodeEditor | null>(null)
  const applying = useRef(false)
  // Latest props for Monaco's callbacks, which are registered once on mount.
  const latest = useRef({ onChange: props.onChange, document, markers })
  useEffect(() => {
    latest.current = { onChange: props.onChange, document, markers }
  })
  const options = useMemo(() => ({ ...BASE_OPTIONS, ariaLabel }), [ariaLabel])

  useEffect(() => {
    if (editorRef.current) applyDocument(editorRef.current, document, applying)
  }, [document])

  useEffect(() => {
    if (editorRef.current) applyMarkers(editorRef.current, markers)
  }, [markers])

  return (
    <Editor
      height={height}
      defaultValue={document}
      defaultLanguage={language}
      theme={dark ? 'vs-dark' : 'vs'}
      options={options}
      loading={null}
      onMount={(instance) => {
        editorRef.current = instance
        instance.onDidChangeModelContent(() => {
          if (!applying.current) latest.current.onChange(instance.getValue())
        })
        applyDocument(instance, latest.current.document, applying)
        applyMarkers(instance, latest.current.markers)
        // The editor opened because someone asked for it: put the cursor there, keyboard users included.
        instance.focus()
      }}
    />
  )
}

/** Shows the app's text, without reporting it as an edit. */
function applyDocument(
  instance: editor.IStandaloneCodeEditor,
  document: string,
  applying: { current: boolean },
): void {
  if (instance.getValue() === document) return
  applying.current = true
  instance.setValue(document)
  applying.current = false
}

/** Marks problems in place (Monaco markers), replacing the previous ones. */
function applyMarkers(instance: editor.IStandaloneCodeEditor, markers: EditorMarker[] | undefined): void {
  const model = instance.getModel()
  if (!model) return
  monaco.editor.setModelMarkers(
    model,
    MARKER_OWNER,
    (markers ?? []).map((marker) => {
      const line = Math.min(Math.max(marker.line, 1), model.getLineCount())
      return {
        severity: monaco.MarkerSeverity.Error,
        message: marker.message,
        startLineNumber: line,
        startColumn: Math.max(marker.column, 1),
        endLineNumber: line,
        endColumn: model.getLineMaxColumn(line),
      }
    }),
  )
}
