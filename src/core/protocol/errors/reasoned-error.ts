// A refusal with a stable reason id and a structured reference to the rule, for the newer modules.
import { oauthError, type OAuthError, type OAuthErrorCode } from './oauth-error.ts'

/** Where a rule is written: a document, a section, and optionally a numbered item in it. */
export interface SpecRef {
  doc: string
  section: string
  item?: number
}

/** The reference as one line of text ("RFC 7523 §3 (4)"), the form `OAuthError.spec` carries today. */
export const specText = (ref: SpecRef): string =>
  `${ref.doc} §${ref.section}${ref.item === undefined ? '' : ` (${ref.item})`}`

export interface RefusalInput {
  code: OAuthErrorCode
  status: number
  /** Stable id, for example `chain.grant_replayed`: tests and the UI match on it, never on wording. */
  reason: string
  spec: SpecRef
  /** The wire `error_description`, quoting the parameter or claim at fault. */
  description: string
  param?: string
}

/**
 * Builds an {@link OAuthError} whose `reason` is a stable id rather than prose. The structured `spec`
 * is flattened to text here, in one place, until the error type carries it as an object.
 */
export function refusal(input: RefusalInput): OAuthError {
  return {
    ...oauthError(input.code, input.status, specText(input.spec), input.description, input.reason),
    ...(input.param === undefined ? {} : { param: input.param }),
  }
}
