// The load client's own process: takes its LoadOptions over IPC, runs them, sends back the LoadResult.
import { runLoad, type LoadOptions } from './load-client.ts'

process.once('message', (options: LoadOptions) => {
  runLoad({ ...options, onWindow: (edge) => process.send!({ window: edge }) }).then(
    (result) => process.send!({ result }, () => process.exit(0)),
    (error: unknown) => process.send!({ error: String(error) }, () => process.exit(1)),
  )
})
