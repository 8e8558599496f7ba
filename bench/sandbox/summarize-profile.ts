// Reads a V8 CPU profile and says where the time went: each sample is charged to the nearest frame of the
// project's own code on its stack (so Node's and the libraries' work counts for the code that asked for
// it), or else to the package it ran in, or else to the native leaf (idle, GC, the event loop).
import { readFileSync } from 'node:fs'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string }
  children?: number[]
}

interface CpuProfile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

export interface ProfileShare {
  name: string
  /** Share of the busy samples (idle excluded), 0..1. */
  share: number
}

export interface ProfileSummary {
  /** Wall time covered by the profile, and the share of it the process was busy. */
  totalMs: number
  busy: number
  /** Busy time by the project function (or package) that caused it, largest first. */
  owners: ProfileShare[]
  /** The same, by package or by the project's folder. */
  areas: ProfileShare[]
}

const OWN = /\/(src\/core\/[^/]+\/[^/]+|sandbox|bench)\/([^/]+)$/
const PACKAGE = /node_modules\/((?:@[^/]+\/)?[^/]+)/

function ownerOf(stack: ProfileNode[]): { owner: string; area: string } {
  for (const { callFrame } of stack) {
    if (callFrame.url.includes('node_modules')) continue
    const own = OWN.exec(callFrame.url)
    if (own) return { owner: `${callFrame.functionName || '(anonymous)'} (${own[2]})`, area: own[1]! }
  }
  for (const { callFrame } of stack) {
    const pkg = PACKAGE.exec(callFrame.url)
    if (pkg) return { owner: `[${pkg[1]}]`, area: pkg[1]! }
  }
  const leaf = stack[0]!.callFrame
  const name = leaf.functionName || '(anonymous)'
  const area = leaf.url.startsWith('node:') ? 'node' : name
  return { owner: `[${area === 'node' ? `node ${name}` : name}]`, area }
}

function top(totals: Map<string, number>, all: number, limit: number): ProfileShare[] {
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([name, samples]) => ({ name, share: samples / all }))
}

export function summarizeProfile(path: string, limit = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const parent = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)
  const owners = new Map<string, number>()
  const areas = new Map<string, number>()
  let busy = 0
  for (const id of profile.samples) {
    if (byId.get(id)!.callFrame.functionName === '(idle)') continue
    busy += 1
    const stack: ProfileNode[] = []
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.push(byId.get(at)!)
    const { owner, area } = ownerOf(stack)
    owners.set(owner, (owners.get(owner) ?? 0) + 1)
    areas.set(area, (areas.get(area) ?? 0) + 1)
  }
  const totalMs = profile.timeDeltas.reduce((sum, delta) => sum + delta, 0) / 1000
  return {
    totalMs,
    busy: busy / Math.max(1, profile.samples.length),
    owners: top(owners, busy, limit),
    areas: top(areas, busy, limit),
  }
}
