// Lighthouse scores for the production build, mobile and desktop, through a pinned `npx` call: Lighthouse
// stays out of the app's dependencies (its newer majors want Node 22, and it brings hundreds of packages).
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { SYSTEM_ARGS } from '../e2e/find-chromium.ts'

/** The newest Lighthouse 12 (`npm view lighthouse@12 version`); 13 needs Node 22. */
export const LIGHTHOUSE = 'lighthouse@12.8.2'

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const
export type Category = (typeof CATEGORIES)[number]
export type FormFactor = 'mobile' | 'desktop'

export interface LighthouseResult {
  formFactor: FormFactor
  /** 0–100 per category. */
  scores: Record<Category, number>
  /** The metrics behind the performance score. */
  metrics: { fcpMs: number; lcpMs: number; tbtMs: number; cls: number; speedIndexMs: number }
  /** Audits that cost points: what to fix when a score is below 100. */
  failing: { category: Category; id: string; title: string; score: number }[]
}

// Headless, as root, plus the e2e suite's flags that keep Chromium quiet on a closed network.
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', ...SYSTEM_ARGS].join(' ')

interface LhrAudit {
  id: string
  title: string
  score: number | null
  numericValue?: number
}
interface Lhr {
  categories: Record<Category, { score: number | null; auditRefs: { id: string; weight: number }[] }>
  audits: Record<string, LhrAudit>
}

export async function runLighthouse(
  url: string,
  formFactor: FormFactor,
  chromePath: string,
): Promise<LighthouseResult> {
  const dir = mkdtempSync(join(tmpdir(), 'tep-lighthouse-'))
  const output = join(dir, 'report.json')
  try {
    await promisify(execFile)(
      'npx',
      [
        '-y',
        LIGHTHOUSE,
        url,
        '--quiet',
        '--output=json',
        `--output-path=${output}`,
        `--only-categories=${CATEGORIES.join(',')}`,
        `--chrome-flags=${CHROME_FLAGS}`,
        ...(formFactor === 'desktop' ? ['--preset=desktop'] : []),
      ],
      { env: { ...process.env, CHROME_PATH: chromePath }, timeout: 180_000, maxBuffer: 64 * 1024 * 1024 },
    )
    const lhr = JSON.parse(readFileSync(output, 'utf8')) as Lhr
    const scores = Object.fromEntries(
      CATEGORIES.map((category) => [category, Math.round((lhr.categories[category].score ?? 0) * 100)]),
    ) as Record<Category, number>
    const metric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN
    const failing = CATEGORIES.flatMap((category) =>
      lhr.categories[category].auditRefs
        .filter((ref) => ref.weight > 0)
        .map((ref) => lhr.audits[ref.id])
        .filter((audit): audit is LhrAudit => audit !== undefined && audit.score !== null && audit.score < 1)
        .map((audit) => ({ category, id: audit.id, title: audit.title, score: audit.score! })),
    )
    return {
      formFactor,
      scores,
      metrics: {
        fcpMs: metric('first-contentful-paint'),
        lcpMs: metric('largest-contentful-paint'),
        tbtMs: metric('total-blocking-time'),
        cls: metric('cumulative-layout-shift'),
        speedIndexMs: metric('speed-index'),
      },
      failing,
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
