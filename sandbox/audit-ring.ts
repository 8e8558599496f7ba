// The sandbox's recent audit lines, bounded in number and in age, so memory stays flat under any traffic.

/** One decision's audit line, and which server wrote it. */
export interface AuditEntry {
  /** When it was recorded, in milliseconds since the epoch. */
  at: number
  /** `sandbox` for refusals the sandbox itself makes, such as when Redis is unreachable. */
  by: 'idp' | 'resource-server' | 'sandbox'
  line: string
  /** Which instance wrote it (its listening URL), when several share one log. */
  instance?: string
}

/** Where audit lines go: this process's ring, or a log several instances share (Redis). */
export interface AuditLog {
  push(entry: AuditEntry): void
  /** The lines still kept at `now`, oldest first. */
  recent(now: number): AuditEntry[] | Promise<AuditEntry[]>
}

export interface AuditRingOptions {
  /** Most lines kept; the oldest go first. */
  maxEntries?: number
  /** Oldest line kept, in milliseconds. */
  maxAgeMs?: number
}

export interface AuditRing extends AuditLog {
  recent(now: number): AuditEntry[]
  size(): number
}

/** A ring of audit lines. Entries arrive in time order, so expiry only ever drops from the front. */
export function createAuditRing({
  maxEntries = 500,
  maxAgeMs = 15 * 60_000,
}: AuditRingOptions = {}): AuditRing {
  let entries: AuditEntry[] = []
  const expire = (now: number) => {
    const firstFresh = entries.findIndex((entry) => now - entry.at <= maxAgeMs)
    if (firstFresh !== 0) entries = firstFresh === -1 ? [] : entries.slice(firstFresh)
  }
  return {
    push(entry) {
      expire(entry.at)
      entries.push(entry)
      if (entries.length > maxEntries) entries = entries.slice(entries.length - maxEntries)
    },
    recent(now) {
      expire(now)
      return [...entries]
    },
    size: () => entries.length,
  }
}
