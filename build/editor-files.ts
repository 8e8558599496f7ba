// Which files of a build belong to the code editor (Monaco): the service worker keeps them apart from the
// page's own files, so a first visit doesn't download a megabyte of editor nobody opened.

/** One output file of the build, reduced to what the split needs. */
export interface BuiltFile {
  name: string
  /** For chunks: whether the page loads it by itself (an entry), and the module ids bundled in it. */
  isEntry?: boolean
  modules?: readonly string[]
  /** Files this one loads: static and dynamic imports, its CSS and assets (fonts, workers). */
  references: readonly string[]
}

const MONACO = /[\\/]node_modules[\\/](?:monaco-editor|@monaco-editor)[\\/]/

/**
 * The editor's files: every chunk that bundles Monaco, and everything reachable only through them (their
 * CSS, the codicon font, the editor and JSON workers). A file the page also reaches without passing
 * through a Monaco chunk stays with the page, so the split can never leave the page without a file.
 */
export function editorFiles(files: readonly BuiltFile[], isEditorModule = (id: string) => MONACO.test(id)) {
  const byName = new Map(files.map((file) => [file.name, file]))
  const roots = files.filter((file) => file.modules?.some(isEditorModule)).map((file) => file.name)
  const reach = (from: string[], stopAt: ReadonlySet<string>) => {
    const seen = new Set<string>()
    const queue = from.filter((name) => !stopAt.has(name))
    for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
      if (seen.has(name)) continue
      seen.add(name)
      for (const next of byName.get(name)?.references ?? []) if (!stopAt.has(next)) queue.push(next)
    }
    return seen
  }
  const editorRoots = new Set(roots)
  const page = reach(
    files.filter((file) => file.isEntry).map((file) => file.name),
    editorRoots,
  )
  const editor = reach(roots, new Set())
  return [...editor].filter((name) => !page.has(name)).sort()
}
