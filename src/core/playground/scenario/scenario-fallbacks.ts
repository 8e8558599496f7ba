// Per-field fallbacks, derived from the scenario schema and the seed: what restoring untrusted input does.
import { z } from '../../protocol/json/zod-mini.ts'
import { isRecord } from './merge-change.ts'

/** Receives one sentence for each thing a fallback ignored, reset or dropped. */
type Notice = (sentence: string) => void

type Path = readonly (string | number)[]

const show = (path: Path) => path.join('.')

const why = (issues: readonly z.core.$ZodIssue[]) => issues[0]?.message ?? 'Invalid input'

/**
 * What a field does when its value is invalid: take the seed's value, or (inside a list item, which has
 * no seed value) fail, so that the nearest list drops the whole item.
 */
type Fallback = { seed: unknown } | 'drop-item'

export interface Mended {
  /** The input with every invalid part mended; to be checked by the schema again, which types it. */
  value: unknown
  /** One sentence for each thing that was ignored, reset or dropped, in the schema's order. */
  notices: string[]
}

/**
 * Builds, once, a mender that accepts what `schema` accepts and mends the rest, one field at a time:
 * - an unknown key is ignored;
 * - a list keeps its valid items and drops the others; a list longer than allowed is reset whole;
 * - any other invalid value is reset to the seed's (a `.catch`).
 * Each of these is one notice. The fallbacks only ever put the seed's values or the input's valid values
 * in place, so checking the result with `schema` again succeeds (restore-scenario.ts does, to type it).
 * @param seed where every fallback takes its default from (for the scenario, the seed scenario)
 */
export function withFallbacks(schema: z.core.$ZodType, seed: unknown): (input: unknown) => Mended {
  // The notices of the parse under way: zod's `.catch` has no per-parse context to report into, and a
  // parse is synchronous, so each call starts a new list here and nothing else can run until it ends.
  let notices: string[] = []
  const mender = mend(schema, [], { seed }, (sentence) => notices.push(sentence))
  return (input) => {
    notices = []
    const result = z.safeParse(mender, input)
    return { value: result.success ? result.data : undefined, notices }
  }
}

function mend(schema: z.core.$ZodType, path: Path, fallback: Fallback, notice: Notice): z.core.$ZodType {
  // zod's core classes, which every zod schema (classic or mini) is an instance of, and each one's `def`.
  const mended =
    schema instanceof z.core.$ZodObject
      ? mendObject(schema, path, fallback, notice)
      : schema instanceof z.core.$ZodArray
        ? mendList(schema, path, notice)
        : schema instanceof z.core.$ZodOptional
          ? z.optional(mend(schema._zod.def.innerType, path, 'drop-item', notice))
          : schema instanceof z.core.$ZodNullable
            ? z.nullable(mend(schema._zod.def.innerType, path, 'drop-item', notice))
            : schema
  if (fallback === 'drop-item') return mended
  return z.catch(mended, (context) => {
    notice(`Reset "${show(path)}" to its default: ${why(context.error.issues)}.`)
    return structuredClone(fallback.seed)
  })
}

/** Each field mends itself; unknown keys are left out, with one notice per object. */
function mendObject(
  schema: z.core.$ZodObject,
  path: Path,
  fallback: Fallback,
  notice: Notice,
): z.core.$ZodType {
  const shape: Record<string, z.core.$ZodType> = {}
  for (const [key, field] of Object.entries(schema._zod.def.shape)) {
    const fieldFallback: Fallback =
      fallback === 'drop-item' ? fallback : { seed: isRecord(fallback.seed) ? fallback.seed[key] : undefined }
    shape[key] = mend(field, [...path, key], fieldFallback, notice)
  }
  const withoutUnknownKeys = (input: unknown) => {
    if (!isRecord(input)) return input
    const unknown = Object.keys(input).filter((key) => !Object.hasOwn(shape, key))
    if (unknown.length === 0) return input
    notice(
      `Ignored unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((key) => `"${show([...path, key])}"`).join(', ')}.`,
    )
    return Object.fromEntries(Object.entries(input).filter(([key]) => Object.hasOwn(shape, key)))
  }
  // Classic zod's `z.preprocess(fn, schema)` is this pipe; zod/mini spells it out.
  return z.pipe(z.transform(withoutUnknownKeys), z.object(shape))
}

/**
 * A list is first checked whole against the list's own bounds (its length), so a hostile list of
 * thousands of items is reset with one notice; then each item is mended, or dropped with a notice.
 */
function mendList(schema: z.core.$ZodArray, path: Path, notice: Notice): z.core.$ZodType {
  // The same list type with any items: its checks (the length bounds) apply before any item is read.
  const bounds = z.clone(schema, { ...schema._zod.def, element: z.unknown() })
  // One mender per position, built when first needed; the length bound keeps them few.
  const menders: z.core.$ZodType[] = []
  return z.pipe(
    bounds,
    z.transform((items: unknown[]) =>
      items.flatMap((item, index) => {
        menders[index] ??= mend(schema._zod.def.element, [...path, index], 'drop-item', notice)
        const result = z.safeParse(menders[index], item)
        if (result.success) return [result.data]
        notice(`Dropped "${show([...path, index])}": ${why(result.error.issues)}.`)
        return []
      }),
    ),
  )
}
