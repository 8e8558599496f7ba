// Edit-to-screen latency: from an input event in the Scope field to every pane showing the new scope.
import type { Page } from '@playwright/test'
import { serveApp } from './app-build.ts'
import { launchChromium } from './chromium.ts'
import { ISOLATION_HEADERS } from './serve.ts'
import { summarize, type Summary } from './stats.ts'

export interface EditToScreenResult {
  edits: number
  /** Input event → the last DOM mutation that makes the request body, scope claim and audit line agree. */
  dom: Summary
  /** Input event → the end of the next frame after that (rAF, then a task): when it is on screen. */
  frame: Summary
  /** Every edit's input → DOM time, in order, for a histogram. */
  domSamples: number[]
}

/** The two scopes the loop alternates between, both within the seed policy, so every edit issues a token. */
export const SCOPES = ['read:repo', 'read:repo write:issues'] as const

interface LoopInput {
  inputId: string
  values: readonly string[]
  edits: number
  warmup: number
  timeoutMs: number
}

/**
 * Runs in the page. Each edit sets the input's value with the native setter and dispatches `input`, as
 * typing does (React listens for it); a MutationObserver stamps the moment all three panes show the value.
 * Edits are spaced by two frames, so each one starts on a quiet page.
 */
async function editLoop({ inputId, values, edits, warmup, timeoutMs }: LoopInput) {
  const input = document.getElementById(inputId) as HTMLInputElement
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!
  const text = (selector: string) => document.querySelector(selector)?.textContent ?? ''
  const shows = (value: string) => {
    const request = document.querySelector('[aria-label="Token request"]')
    const body = [...(request?.children ?? [])].find((line) => line.textContent?.startsWith('scope='))
    if (body?.textContent !== `scope=${value}`) return false
    const claim = text('#claims li[aria-label="scope"]')
    const extra = values
      .find((other) => other.length > value.length)
      ?.replace(value, '')
      .trim()
    if (!claim.includes(value) || (extra !== undefined && claim.includes(extra))) return false
    return text('[aria-label="Audit line"]').includes(` scope=${value.includes(' ') ? `"${value}"` : value} `)
  }
  const endOfNextFrame = () =>
    new Promise<number>((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel()
        channel.port1.onmessage = () => resolve(performance.now())
        channel.port2.postMessage(null)
      }),
    )
  const samples: { dom: number; frame: number }[] = []
  for (let i = 0; i < warmup + edits; i++) {
    const value = values[i % values.length]!
    const shown = new Promise<number>((resolve, reject) => {
      const observer = new MutationObserver(() => {
        if (!shows(value)) return
        observer.disconnect()
        resolve(performance.now())
        performance.mark('edit:shown')
      })
      observer.observe(document.body, { subtree: true, childList: true, characterData: true })
      setTimeout(() => reject(new Error(`The panes never showed scope "${value}"`)), timeoutMs)
    })
    // User Timing marks, so a DevTools trace of the bench shows where each edit starts and lands.
    performance.mark('edit:start')
    const start = performance.now()
    setValue.call(input, value)
    input.dispatchEvent(new Event('input', { bubbles: true }))
    const dom = await shown
    const frame = await endOfNextFrame()
    if (i >= warmup) samples.push({ dom: dom - start, frame: frame - start })
    await endOfNextFrame()
    await endOfNextFrame()
  }
  return samples
}

/** Measures `edits` Scope edits on a page that shows the playground with its first Run on screen. */
export async function measureEditToScreen(
  page: Page,
  edits: number,
  warmup = 20,
): Promise<EditToScreenResult> {
  // tsx compiles with keepNames, which wraps inner functions in __name(); the page needs a no-op for it.
  await page.evaluate('globalThis.__name = (fn) => fn')
  const inputId = await page.getByLabel('Scope', { exact: true }).getAttribute('id')
  if (!inputId) throw new Error('The Scope field has no id')
  const samples = await page.evaluate(editLoop, { inputId, values: SCOPES, edits, warmup, timeoutMs: 10_000 })
  return {
    edits: samples.length,
    dom: summarize(samples.map((sample) => sample.dom)),
    frame: summarize(samples.map((sample) => sample.frame)),
    domSamples: samples.map((sample) => Math.round(sample.dom * 1000) / 1000),
  }
}

/**
 * Opens the bench's production build of the app in headless Chromium (service worker blocked, so its
 * background precaching can't compete with the edits) and measures `edits` Scope edits.
 */
export async function editToScreenInChromium(edits: number): Promise<EditToScreenResult> {
  const served = await serveApp(ISOLATION_HEADERS)
  const browser = await launchChromium()
  try {
    const context = await browser.newContext({ serviceWorkers: 'block' })
    const page = await context.newPage()
    await page.goto(served.url)
    await page.getByRole('group', { name: 'Encoded delegated token' }).waitFor()
    if (!(await page.evaluate(() => crossOriginIsolated)))
      throw new Error('The app page is not cross-origin isolated, so its timer is coarse')
    return await measureEditToScreen(page, edits)
  } finally {
    await browser.close()
    await served.close()
  }
}
