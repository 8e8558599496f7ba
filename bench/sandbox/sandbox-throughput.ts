// The sandbox throughput row: the sandbox, the floor and the peer, each in its own process, driven in
// turn by the load client in another, round after round; the rounds' medians are reported.
import { fork, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { LoadKind, LoadOptions, LoadResult } from './load-client.ts'
import type { TargetKind } from './serve-target.ts'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url))

export interface ThroughputOptions {
  clients: number
  warmupMs: number
  windowMs: number
  rounds: number
  /** Writes a V8 CPU profile of the sandbox's measured window there, one file per round. */
  profileDir?: string
  /** With Redis: the same row against one, then two sandbox instances sharing it. */
  redisUrl?: string
  log?: (message: string) => void
}

/** A load result with the CPU time its servers spent inside the window. */
export interface MeasuredLoad extends LoadResult {
  /** User + system CPU of the server process(es) between the window's opening and closing, in ms. */
  serverCpuMs: number
  /** serverCpuMs per sequence (or mint) that finished in the window. */
  serverCpuMsPerOp: number
}

export interface TargetFigures {
  /** The round whose rate is the median of the rounds. */
  median: MeasuredLoad
  rounds: MeasuredLoad[]
}

export interface ThroughputResult {
  options: Omit<ThroughputOptions, 'log'>
  sandbox: TargetFigures
  floor: TargetFigures
  peer: TargetFigures
  redis: { one: TargetFigures; two: TargetFigures } | null
}

interface Target {
  url: string
  /** CPU time this server's process has used so far, in ms. */
  cpuMs(): Promise<number>
  /** Starts a CPU profile, or stops it and writes it to `path`. */
  profile(edge: 'start' | 'end', path?: string): Promise<void>
  stop(): Promise<void>
}

function forkTs(script: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  // The children run TypeScript through tsx, resolved from the project root.
  return fork(script, args, {
    cwd: ROOT,
    execArgv: ['--import', 'tsx'],
    env,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  })
}

async function firstMessage<T>(child: ChildProcess, what: string): Promise<T> {
  const [message] = (await Promise.race([
    once(child, 'message'),
    once(child, 'exit').then(([code]) => {
      throw new Error(`${what} exited (${String(code)}) before answering`)
    }),
  ])) as [T]
  return message
}

/** Sends `message` and waits for the answer carrying `key`. */
function ask<T>(child: ChildProcess, message: string, key: string): Promise<[T]> {
  return new Promise((resolve) => {
    const listen = (answer: Record<string, unknown>) => {
      if (!(key in answer)) return
      child.off('message', listen)
      resolve([answer as T])
    }
    child.on('message', listen)
    child.send(message)
  })
}

/** Starts one server process and waits until it listens. */
export async function startTarget(
  kind: TargetKind,
  { redisUrl }: Pick<ThroughputOptions, 'redisUrl'> = {},
): Promise<Target> {
  const env = { ...process.env }
  delete env.REDIS_URL
  if (redisUrl) env.REDIS_URL = redisUrl
  const child = forkTs(here('serve-target.ts'), [kind], env)
  const { url } = await firstMessage<{ url: string }>(child, `the ${kind} server`)
  return {
    url,
    cpuMs: async () => {
      const [{ cpu }] = await ask<{ cpu: NodeJS.CpuUsage }>(child, 'cpu', 'cpu')
      return (cpu.user + cpu.system) / 1000
    },
    profile: async (edge, path) => {
      if (edge === 'start') child.send('profile:start')
      else await ask(child, `profile:stop ${path}`, 'profiled')
    },
    stop: async () => {
      if (child.exitCode !== null) return
      const exited = once(child, 'exit')
      child.send('stop')
      await exited
    },
  }
}

type LoadMessage = { window: 'start' | 'end' } | { result: LoadResult } | { error: string }

/**
 * Runs the load client in its own process against `servers` and returns what it measured, with the
 * servers' CPU time sampled when the window opened and closed.
 */
export async function loadInChild(
  options: Omit<LoadOptions, 'targets' | 'onWindow'>,
  servers: Target[],
  profilePath?: string,
): Promise<MeasuredLoad> {
  const child = forkTs(here('load-client-main.ts'), [], process.env)
  const cpu = () => Promise.all(servers.map((server) => server.cpuMs()))
  const profiled: Promise<void>[] = []
  const samples: Partial<Record<'start' | 'end', Promise<number[]>>> = {}
  const answer = new Promise<LoadResult>((resolve, reject) => {
    child.on('message', (message: LoadMessage) => {
      if ('window' in message) {
        samples[message.window] = cpu()
        if (profilePath) profiled.push(servers[0]!.profile(message.window, profilePath))
      } else if ('result' in message) resolve(message.result)
      else reject(new Error(`load client: ${message.error}`))
    })
    child.once('exit', (code) => reject(new Error(`load client exited (${String(code)})`)))
  })
  child.send({ ...options, targets: servers.map((server) => server.url) } satisfies LoadOptions)
  const result = await answer
  await Promise.all(profiled)
  const [start, end] = await Promise.all([samples.start ?? cpu(), samples.end ?? cpu()])
  const serverCpuMs = end.reduce((sum, ms, i) => sum + ms - start[i]!, 0)
  return { ...result, serverCpuMs, serverCpuMsPerOp: serverCpuMs / Math.max(1, result.ok) }
}

function medianRound(rounds: MeasuredLoad[]): TargetFigures {
  const sorted = [...rounds].sort((a, b) => a.perSecond - b.perSecond)
  return { median: sorted[Math.floor((sorted.length - 1) / 2)]!, rounds }
}

/** Measures the sandbox, the floor and the peer, interleaved round by round, each on a fresh process. */
export async function sandboxThroughput(options: ThroughputOptions): Promise<ThroughputResult> {
  const { clients, warmupMs, windowMs, rounds, log = () => {} } = options
  const measure = async (
    kind: TargetKind,
    load: LoadKind,
    round: number,
    instances = 1,
    redisUrl?: string,
  ) => {
    const servers = await Promise.all(
      Array.from({ length: instances }, () => startTarget(kind, redisUrl ? { redisUrl } : {})),
    )
    const profile =
      options.profileDir && kind === 'sandbox' && !redisUrl
        ? join(options.profileDir, `sandbox-round-${round}.cpuprofile`)
        : undefined
    try {
      return await loadInChild({ kind: load, clients, warmupMs, windowMs }, servers, profile)
    } finally {
      await Promise.all(servers.map((server) => server.stop()))
    }
  }
  const results: Record<TargetKind, MeasuredLoad[]> = { floor: [], sandbox: [], peer: [] }
  for (let round = 1; round <= rounds; round += 1) {
    for (const [kind, load] of [
      ['floor', 'sequence'],
      ['sandbox', 'sequence'],
      ['peer', 'mint'],
    ] as const) {
      log(`sandbox throughput, round ${round}/${rounds}: ${kind}…`)
      results[kind].push(await measure(kind, load, round))
    }
  }
  let redis: ThroughputResult['redis'] = null
  if (options.redisUrl) {
    const one: MeasuredLoad[] = []
    const two: MeasuredLoad[] = []
    for (let round = 1; round <= rounds; round += 1) {
      log(`sandbox throughput with Redis, round ${round}/${rounds}: one instance, then two…`)
      one.push(await measure('sandbox', 'sequence', round, 1, options.redisUrl))
      two.push(await measure('sandbox', 'sequence', round, 2, options.redisUrl))
    }
    redis = { one: medianRound(one), two: medianRound(two) }
  }
  const { log: _log, ...kept } = options
  return {
    options: kept,
    sandbox: medianRound(results.sandbox),
    floor: medianRound(results.floor),
    peer: medianRound(results.peer),
    redis,
  }
}
