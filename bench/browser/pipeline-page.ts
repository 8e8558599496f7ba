// The browser side of the pipeline bench: the same interleaved loop as in Node, on a production build.
import { benchPipeline } from '../pipeline/pipeline-bench.ts'

declare global {
  interface Window {
    benchPipeline: typeof benchPipeline
  }
}

window.benchPipeline = benchPipeline
