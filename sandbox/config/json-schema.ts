// The JSON Schema of the sandbox configuration, generated from the zod schema so the two can't drift.
import { z } from 'zod'
import { sandboxConfigSchema } from './config-schema.ts'

/** Where the committed copy lives, relative to the repository root; editors read it through `$schema`. */
export const JSON_SCHEMA_PATH = 'sandbox/sandbox.config.schema.json'

/** The schema as committed: draft 2020-12, describing what a file may contain (the input side). */
export function configJsonSchema(): string {
  const schema = z.toJSONSchema(sandboxConfigSchema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
  })
  return `${JSON.stringify(schema, null, 2)}\n`
}
