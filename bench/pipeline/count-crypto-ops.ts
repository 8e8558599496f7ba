// Counts the WebCrypto operations a piece of code performs, by wrapping SubtleCrypto's methods while it runs.

export type CryptoOpCounts = Record<'sign' | 'verify' | 'importKey' | 'digest', number>

const COUNTED = ['sign', 'verify', 'importKey', 'digest'] as const

/**
 * Runs `work` once with SubtleCrypto's methods wrapped, and returns how often each was called. jose does
 * all of its cryptography through `crypto.subtle`, in Node and in browsers, so this sees every operation.
 */
export async function countCryptoOps(work: () => Promise<unknown>): Promise<CryptoOpCounts> {
  const counts: CryptoOpCounts = { sign: 0, verify: 0, importKey: 0, digest: 0 }
  const proto = Object.getPrototypeOf(crypto.subtle) as Record<string, (...args: unknown[]) => unknown>
  const originals = COUNTED.map((name) => [name, proto[name]!] as const)
  for (const [name, original] of originals) {
    proto[name] = function (this: SubtleCrypto, ...args: unknown[]) {
      counts[name] += 1
      return original.apply(this, args)
    }
  }
  try {
    await work()
  } finally {
    for (const [name, original] of originals) proto[name] = original
  }
  return counts
}
