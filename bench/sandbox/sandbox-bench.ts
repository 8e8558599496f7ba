// The sandbox throughput part of `npm run bench`, with its flags:
//   --no-sandbox                skip it            --only-sandbox          run nothing else
//   --sandbox-window-ms=5000    measured window    --sandbox-warmup-ms=2000
//   --sandbox-rounds=3          rounds (medians)   --sandbox-clients=20
//   --sandbox-profile           CPU profiles of the sandbox's windows, summarised (the sandbox's row
//                               then includes the profiler's own cost: profile and measure apart)
// REDIS_URL set: also one and two instances sharing that Redis.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { BENCH_CACHE } from '../app-build.ts'
import { sandboxThroughput, type ThroughputResult } from './sandbox-throughput.ts'
import { summarizeProfile, type ProfileSummary } from './summarize-profile.ts'

export interface SandboxBench {
  throughput: ThroughputResult
  /** Where a sandbox sequence's server time went, from the first round's profile. */
  profile: ProfileSummary | null
}

function numberFlag(argv: string[], name: string, fallback: number): number {
  const flag = argv.find((arg) => arg.startsWith(`--${name}=`))
  const value = flag ? Number(flag.slice(name.length + 3)) : fallback
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} wants a number, got ${flag}`)
  return value
}

export const sandboxBenchWanted = (argv: string[]) => !argv.includes('--no-sandbox')
export const onlySandbox = (argv: string[]) => argv.includes('--only-sandbox')

export async function sandboxBench(argv: string[], log: (message: string) => void): Promise<SandboxBench> {
  const profileDir = argv.includes('--sandbox-profile') ? join(BENCH_CACHE, 'sandbox-profiles') : undefined
  if (profileDir) mkdirSync(profileDir, { recursive: true })
  const redisUrl = process.env.REDIS_URL?.trim()
  const throughput = await sandboxThroughput({
    clients: numberFlag(argv, 'sandbox-clients', 20),
    warmupMs: numberFlag(argv, 'sandbox-warmup-ms', 2_000),
    windowMs: numberFlag(argv, 'sandbox-window-ms', 5_000),
    rounds: numberFlag(argv, 'sandbox-rounds', 3),
    ...(profileDir ? { profileDir } : {}),
    ...(redisUrl ? { redisUrl } : {}),
    log,
  })
  const profile = profileDir ? summarizeProfile(join(profileDir, 'sandbox-round-1.cpuprofile'), 25) : null
  if (profile) {
    log(`sandbox profile (${profileDir}), busy ${(profile.busy * 100).toFixed(0)}% of the window; by area:`)
    for (const { name, share } of profile.areas) log(`  ${(share * 100).toFixed(1).padStart(5)}%  ${name}`)
    log('by the code that caused it:')
    for (const { name, share } of profile.owners) log(`  ${(share * 100).toFixed(1).padStart(5)}%  ${name}`)
  }
  return { throughput, profile }
}
