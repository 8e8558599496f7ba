import { describe, expect, test } from 'vitest'
import { precacheFor } from './service-worker-plugin.ts'

const build = (entries: [string, string | Uint8Array][]) => new Map<string, string | Uint8Array>(entries)

describe('the precache list', () => {
  const files = build([
    ['index.html', '<html>'],
    ['assets/index-abc.js', 'app'],
    ['theme-init.js', 'theme'],
    ['sw.js', 'itself'],
  ])

  test('holds every file of the build as a URL path, the page as "/", and not the service worker', () => {
    expect(precacheFor(files).files).toEqual(['/assets/index-abc.js', '/', '/theme-init.js'])
    expect(precacheFor(files).shell).toBe('/')
  })

  test('with a relative base, lists the files relative to the service worker, which sits at that base', () => {
    expect(precacheFor(files, './').files).toEqual(['./assets/index-abc.js', './', './theme-init.js'])
    expect(precacheFor(files, './').shell).toBe('./')
  })

  test('gets a new version when any file changes, even one whose name carries no hash', () => {
    const same = precacheFor(files).version
    expect(precacheFor(build([...files]))).toMatchObject({ version: same })
    const changed = build(
      [...files].map(([name, text]) => [name, name === 'theme-init.js' ? 'theme 2' : text]),
    )
    expect(precacheFor(changed).version).not.toBe(same)
  })

  test('keeps the editor files apart from what is installed, and still versions them', () => {
    const withEditor = build([...files, ['assets/monaco-1.js', 'editor']])
    const precache = precacheFor(withEditor, './', new Set(['assets/monaco-1.js']))
    expect(precache.files).toEqual(['./assets/index-abc.js', './', './theme-init.js'])
    expect(precache.editor).toEqual(['./assets/monaco-1.js'])
    const changed = build([...files, ['assets/monaco-1.js', 'editor 2']])
    expect(precacheFor(changed, './', new Set(['assets/monaco-1.js'])).version).not.toBe(precache.version)
  })

  test('keeps the passkey ceremony apart too: installed with neither the page nor the editor', () => {
    const withBoth = build([
      ...files,
      ['assets/monaco-1.js', 'editor'],
      ['assets/run-ceremony-1.js', 'webauthn'],
    ])
    const precache = precacheFor(
      withBoth,
      './',
      new Set(['assets/monaco-1.js']),
      new Set(['assets/run-ceremony-1.js']),
    )
    expect(precache.files).toEqual(['./assets/index-abc.js', './', './theme-init.js'])
    expect(precache.editor).toEqual(['./assets/monaco-1.js'])
    expect(precache.passkey).toEqual(['./assets/run-ceremony-1.js'])
  })
})
