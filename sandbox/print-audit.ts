// Prints audit lines to a stream, batched: one write per turn of the event loop instead of one per line.
import type { AuditEntry } from './audit-ring.ts'

/** Where the lines go: `process.stdout` for `npm run sandbox`. */
export interface LineSink {
  write(text: string): unknown
}

export interface AuditPrinter {
  print(entry: AuditEntry): void
  /** Writes what is pending now (before exit, or when a test wants to read it). */
  flush(): void
}

/**
 * `audit <by> <line>` for each entry, in order. Under load a sandbox records two lines per exchange-then-call
 * sequence; `console.log` formatted and wrote each one on its own, which cost about 3% of the server's
 * time. The lines of one event-loop turn are now joined and written once, right after that turn
 * (`setImmediate`), so none waits on another request, and `flush()` writes the rest at exit.
 */
export function createAuditPrinter(sink: LineSink): AuditPrinter {
  let pending = ''
  let scheduled = false
  const flush = () => {
    scheduled = false
    if (pending === '') return
    const text = pending
    pending = ''
    sink.write(text)
  }
  return {
    print: (entry) => {
      pending += `audit ${entry.by} ${entry.line}\n`
      if (scheduled) return
      scheduled = true
      setImmediate(flush)
    },
    flush,
  }
}

/** The printer for `process.stdout`, flushed when the process exits so no line is lost. */
export function printAuditToStdout(): AuditPrinter {
  const printer = createAuditPrinter(process.stdout)
  process.once('exit', printer.flush)
  return printer
}
