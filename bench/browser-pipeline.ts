// Runs the pipeline bench in headless Chromium, on the bench page built in production mode (bench/pages.ts).
import type { PipelineBenchOptions, PipelineBenchResult } from './pipeline/pipeline-bench.ts'
import { launchChromium } from './chromium.ts'
import { PAGES_DIST, PAGES_ROOT } from './pages.ts'
import { ISOLATION_HEADERS, serveBuild } from './serve.ts'

export async function browserPipeline(options: PipelineBenchOptions): Promise<PipelineBenchResult> {
  const served = await serveBuild({
    root: PAGES_ROOT,
    outDir: PAGES_DIST,
    configFile: false,
    headers: ISOLATION_HEADERS,
  })
  const browser = await launchChromium()
  try {
    const page = await browser.newPage()
    await page.goto(served.url)
    await page.waitForFunction(() => typeof window.benchPipeline === 'function')
    if (!(await page.evaluate(() => crossOriginIsolated)))
      throw new Error('The bench page is not cross-origin isolated, so its timer is coarse')
    return await page.evaluate((o) => window.benchPipeline(o), options)
  } finally {
    await browser.close()
    await served.close()
  }
}
