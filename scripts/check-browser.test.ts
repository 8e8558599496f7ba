// The e2e suite's browser check, run as `npm run test:e2e` runs it: one clear line and a non-zero exit.
import { spawnSync } from 'node:child_process'
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'

const SCRIPT = new URL('check-browser.mjs', import.meta.url).pathname

function check(chromiumPath: string) {
  const run = spawnSync(process.execPath, [SCRIPT], {
    env: { ...process.env, PW_CHROMIUM_PATH: chromiumPath },
    encoding: 'utf8',
  })
  return { status: run.status, lines: run.stderr.trim().split('\n') }
}

describe('scripts/check-browser.mjs with PW_CHROMIUM_PATH', () => {
  test('refuses a path that does not exist, in one line naming it', () => {
    const { status, lines } = check('/no/such/chromium')
    expect(status).toBe(1)
    expect(lines).toEqual([
      expect.stringContaining('PW_CHROMIUM_PATH=/no/such/chromium is not an executable'),
    ])
  })

  test('refuses an executable that fails `--version`, in one line', () => {
    const fake = join(mkdtempSync(join(tmpdir(), 'check-browser-')), 'chromium')
    writeFileSync(fake, '#!/bin/sh\nexit 3\n')
    chmodSync(fake, 0o755)
    const { status, lines } = check(fake)
    expect(status).toBe(1)
    expect(lines).toEqual([expect.stringContaining(`PW_CHROMIUM_PATH=${fake} does not run`)])
  })

  test('accepts an executable that answers `--version`', () => {
    const fake = join(mkdtempSync(join(tmpdir(), 'check-browser-')), 'chromium')
    writeFileSync(fake, '#!/bin/sh\necho "Chromium 156"\n')
    chmodSync(fake, 0o755)
    expect(check(fake).status).toBe(0)
  })
})
