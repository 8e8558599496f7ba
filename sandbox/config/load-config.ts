// Reads and checks a sandbox configuration: one message per bad field, naming its path and what was expected.
import { readFile } from 'node:fs/promises'
import type { z } from 'zod'
import { sandboxConfigSchema, type SandboxConfigFile } from './config-schema.ts'

export type ConfigCheck = { ok: true; value: SandboxConfigFile } | { ok: false; errors: string[] }

/** `delegation.rules[0].users` for zod's path `['delegation', 'rules', 0, 'users']`. */
function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(the whole file)'
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('')
}

const describeIssue = (issue: z.core.$ZodIssue) => `${formatPath(issue.path)}: ${issue.message}`

/** Checks an already parsed value (the library's config object, or a file's JSON). */
export function checkConfig(value: unknown): ConfigCheck {
  const parsed = sandboxConfigSchema.safeParse(value)
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, errors: parsed.error.issues.map(describeIssue) }
}

/** Reads `path` as JSON and checks it; an unreadable or non-JSON file is one error. */
export async function loadConfigFile(path: string): Promise<ConfigCheck> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    return { ok: false, errors: [`cannot read ${path}: ${(error as Error).message}`] }
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    return { ok: false, errors: [`${path} is not JSON: ${(error as Error).message}`] }
  }
  const checked = checkConfig(json)
  return checked.ok ? checked : { ok: false, errors: checked.errors.map((line) => `${path}: ${line}`) }
}
