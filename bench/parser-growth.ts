// How the hostile-input parsers' time grows from 100 KB to 1 MB: about 10× is linear, 100× quadratic.
// Unit tests count the parsers' steps instead; only the bench reads a clock.
import { base64url } from 'jose'
import { parseFormBody } from '../src/core/protocol/http/parse-form-body.ts'
import { readCompactJws } from '../src/core/protocol/tokens/read-compact-jws.ts'
import { viewToken } from '../src/core/protocol/tokens/token-view.ts'

export interface GrowthFigure {
  name: string
  smallMs: number
  largeMs: number
  /** largeMs / smallMs for a 10× larger input. */
  ratio: number
}

const b64 = (text: string) => base64url.encode(text)
const withPayload = (json: string) =>
  `${b64('{"alg":"ES256","typ":"at+jwt"}')}.${b64(json)}.${'A'.repeat(86)}`
const members = (n: number) => Array.from({ length: n / 12 }, (_, i) => `"m${i}":0`).join(',')

/** The inputs the unit tests used to time, each with the parser it stresses. */
const CASES: { name: string; make: (n: number) => string; run: (input: string) => unknown }[] = [
  {
    name: 'readCompactJws: a duplicate after many members',
    make: (n) => withPayload(`{"alg":1,${members(n)},"alg":2}`),
    run: (token) => readCompactJws(token, 'token'),
  },
  {
    name: 'viewToken: deeply nested claims',
    make: (n) => withPayload(`{"a":${'['.repeat(n / 2)}${']'.repeat(n / 2)}}`),
    run: (token) => viewToken(token),
  },
  {
    name: 'parseFormBody: plus signs',
    make: (n) => `a=${'+'.repeat(n)}`,
    run: (body) => parseFormBody(body),
  },
]

/** The fastest of `runs` timings: the minimum is the least noisy estimate. */
function fastestMs(work: () => unknown, runs = 5): number {
  let best = Infinity
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    work()
    best = Math.min(best, performance.now() - started)
  }
  return best
}

export function parserGrowth(): GrowthFigure[] {
  return CASES.map(({ name, make, run }) => {
    const small = make(100_000)
    const large = make(1_000_000)
    // Warm up once on each, so the JIT has compiled the hot paths before anything is timed.
    run(small)
    run(large)
    const smallMs = fastestMs(() => run(small))
    const largeMs = fastestMs(() => run(large))
    return { name, smallMs, largeMs, ratio: largeMs / smallMs }
  })
}
