// The members every DPoP proof must carry, and the first one a given proof lacks.
import { isObject } from '../json/is-object.ts'

const isString = (value: unknown) => typeof value === 'string' && value.length > 0
const isNumber = (value: unknown) => typeof value === 'number' && Number.isFinite(value)

type Requirement = [part: 'header' | 'claim', name: string, test: (value: unknown) => boolean, kind: string]

const REQUIRED: Requirement[] = [
  ['header', 'typ', isString, 'a string'],
  ['header', 'alg', isString, 'a string'],
  ['header', 'jwk', isObject, 'a JSON object'],
  ['claim', 'jti', isString, 'a string'],
  ['claim', 'htm', isString, 'a string'],
  ['claim', 'htu', isString, 'a string'],
  ['claim', 'iat', isNumber, 'a number'],
]

/**
 * The first required header parameter or claim that is absent or of the wrong type, explained; null if none.
 * @see RFC 9449 §4.2
 * @see RFC 9449 §4.3 (3)
 */
export function missingProofMember(
  header: Record<string, unknown>,
  claims: Record<string, unknown>,
): { description: string; explanation: string } | null {
  for (const [part, name, test, kind] of REQUIRED) {
    const value = part === 'header' ? header[name] : claims[name]
    if (!test(value)) {
      return {
        description: `DPoP proof ${part} "${name}" is missing or not ${kind}`,
        explanation: `Every DPoP proof must carry the ${part === 'header' ? 'header parameters typ, alg and jwk' : 'claims jti, htm, htu and iat'}; "${name}" is ${value === undefined ? 'absent' : `not ${kind}`}.`,
      }
    }
  }
  return null
}
