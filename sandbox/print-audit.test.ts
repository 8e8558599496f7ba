import { describe, expect, test } from 'vitest'
import { createAuditPrinter } from './print-audit.ts'

const entry = (line: string) => ({ at: 0, by: 'idp' as const, line })
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

describe('audit lines printed in batches', () => {
  test('the lines of one turn reach the stream in order, in a single write, after that turn', async () => {
    const writes: string[] = []
    const printer = createAuditPrinter({ write: (text) => writes.push(text) })
    printer.print(entry('decision=allow a'))
    printer.print({ ...entry('decision=deny b'), by: 'resource-server' })
    expect(writes).toEqual([])
    await nextTurn()
    expect(writes).toEqual(['audit idp decision=allow a\naudit resource-server decision=deny b\n'])
  })

  test('a later turn gets its own write, and flush writes what is pending at once', async () => {
    const writes: string[] = []
    const printer = createAuditPrinter({ write: (text) => writes.push(text) })
    printer.print(entry('one'))
    await nextTurn()
    printer.print(entry('two'))
    printer.flush()
    expect(writes).toEqual(['audit idp one\n', 'audit idp two\n'])
    await nextTurn()
    expect(writes).toHaveLength(2)
  })
})
