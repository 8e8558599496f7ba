// A refusal built from explicit parts, for modules whose code, status or section vary per call site.
import { REASONS, type Reason } from './reasons.ts'
import type { OAuthError, OAuthErrorCode } from './oauth-error.ts'
import { formatSpecRef, type SpecRef } from './spec-ref.ts'

export type { SpecRef } from './spec-ref.ts'

/** The reference as one line of text ("RFC 7523 §3 (4)"), for check logs that still carry text. */
export const specText = formatSpecRef

export interface RefusalInput {
  code: OAuthErrorCode
  status: number
  /** Stable id, for example `chain.grant_replayed`, listed in `REASONS`: tests and the UI match on it. */
  reason: Reason
  spec: SpecRef
  /** The wire `error_description`, quoting the parameter or claim at fault. */
  description: string
  explanation?: string
  param?: string
}

/**
 * Builds an {@link OAuthError} from explicit parts. The code must be one the reason is listed with;
 * anything else is a bug, and throws.
 */
export function refusal(input: RefusalInput): OAuthError {
  if (!(REASONS[input.reason].codes as readonly string[]).includes(input.code))
    throw new Error(`Reason ${input.reason} is never sent as ${input.code}`)
  return {
    code: input.code,
    status: input.status,
    reason: input.reason,
    spec: input.spec,
    description: input.description,
    explanation: input.explanation ?? input.description,
    ...(input.param === undefined ? {} : { param: input.param }),
  }
}
