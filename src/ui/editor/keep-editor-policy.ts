// When the page may ask the service worker to keep the code editor (Monaco) for offline use before anyone
// opens it. Monaco is about 1.3 MB gzip, nine times the page: it is fetched ahead of use only when the
// browser says the connection costs nothing. Otherwise it is kept the first time an editor is used.

/** The parts of the Network Information API this reads (Chromium exposes it; Firefox and Safari don't). */
export interface ConnectionHints {
  saveData?: boolean
  /** 'wifi' | 'ethernet' | 'cellular' | …; Chromium reports it on Android and ChromeOS, not on desktop. */
  type?: string
}

const UNMETERED = new Set(['wifi', 'ethernet'])

/**
 * True only when the browser says the connection is unmetered (Wi-Fi or Ethernet) and Save-Data is off.
 * An unknown connection counts as metered: the visitor who never edits must never pay for the editor.
 */
export function mayKeepEditorAhead(connection: ConnectionHints | undefined): boolean {
  if (!connection || connection.saveData === true) return false
  return connection.type !== undefined && UNMETERED.has(connection.type)
}

/** On an idle, unmetered connection, asks the installed service worker to keep Monaco for offline use. */
export function keepEditorWhenIdle(): void {
  const connection = (navigator as { connection?: ConnectionHints }).connection
  if (!mayKeepEditorAhead(connection) || !('requestIdleCallback' in window)) return
  void navigator.serviceWorker.ready.then((ready) =>
    requestIdleCallback(() => ready.active?.postMessage({ type: 'keep-editor' }), { timeout: 30_000 }),
  )
}
