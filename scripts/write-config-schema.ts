// `npm run sandbox:schema`: writes the configuration's JSON Schema from the zod schema.
import { writeFileSync } from 'node:fs'
import { configJsonSchema, JSON_SCHEMA_PATH } from '../sandbox/config/json-schema.ts'

writeFileSync(JSON_SCHEMA_PATH, configJsonSchema())
console.log(`wrote ${JSON_SCHEMA_PATH}`)
