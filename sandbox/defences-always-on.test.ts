// The sandbox never runs with a defence off: the "Defence on" switches exist in the page only.
import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { describe, expect, test } from 'vitest'
import { checkConfig } from './config/load-config.ts'
import { SEED_CONFIG } from './config/seed-config.ts'
import { readSandboxConfig } from './sandbox-config.ts'

const SANDBOX = new URL('.', import.meta.url).pathname

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true })
  const nested = await Promise.all(
    entries.map((entry) => {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) return sourceFiles(path)
      return Promise.resolve(/\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : [])
    }),
  )
  return nested.flat()
}

describe('the sandbox and the defence switches', () => {
  // The servers take a set of disabled defences only as a code option (`defencesOff`), which only a
  // playground flow passes. So no sandbox source may name it, the module that builds it, or a flow.
  test('no sandbox source passes a set of disabled defences, or runs a playground flow', async () => {
    const files = await sourceFiles(SANDBOX)
    expect(files.length).toBeGreaterThan(10)
    const offenders: string[] = []
    for (const file of files) {
      const text = await readFile(file, 'utf8')
      if (/defencesOff|defence-switch|withDefencesOff|runScenario|playground\/flows\//.test(text))
        offenders.push(relative(SANDBOX, file))
    }
    expect(offenders).toEqual([])
  })

  test('a configuration file that tries to switch a defence off is refused', () => {
    const check = checkConfig({ ...SEED_CONFIG, defencesOff: ['dpop.key_mismatch'] })
    expect(check.ok).toBe(false)
  })

  test('no environment variable reaches a defence switch', () => {
    const plain = readSandboxConfig({})
    for (const name of ['DEFENCES_OFF', 'DEFENCE_OFF', 'DISABLED_DEFENCES', 'defencesOff'])
      expect(readSandboxConfig({ [name]: 'dpop.key_mismatch' })).toEqual(plain)
  })
})
