// The crypto floor: the very sign and verify operations a Run performs, done alone with jose and keys imported once.
import { importJWK, jwtVerify, SignJWT, type JWTHeaderParameters, type JWTPayload } from 'jose'
import type { KeyRing, SigningKey } from '../../src/core/protocol/keys/key-ring.ts'
import type { Run } from '../../src/core/playground/run.ts'
import type { CryptoOpCounts } from './count-crypto-ops.ts'

interface FloorToken {
  header: JWTHeaderParameters
  payload: JWTPayload
  privateKey: CryptoKey
  publicKey: CryptoKey
  encoded: string
}

/** The key in the ring that signed a token: by `kid`, or by the public key a DPoP proof embeds. */
function signerOf(keys: KeyRing, header: Record<string, unknown>): SigningKey {
  const jwk = header.jwk as { x?: unknown } | undefined
  const found = Object.values(keys).find(
    (key) => key.kid === header.kid || (jwk !== undefined && key.publicJwk.x === jwk.x),
  )
  if (!found) throw new Error(`No key in the ring signed a token with header ${JSON.stringify(header)}`)
  return found
}

/**
 * Prepares the floor for one seed Run: every JWS it signed (input tokens, delegated token, both DPoP
 * proofs), with the header and claims it carried, the private key that signed it and its public key
 * imported once as a CryptoKey. `ops` says how many signs and verifies the floor does, cycling through them.
 */
export async function prepareCryptoFloor(
  run: Run,
  keys: KeyRing,
  ops: Pick<CryptoOpCounts, 'sign' | 'verify'>,
) {
  const views = [
    run.tokens.subject,
    run.tokens.actor,
    run.tokens.tokenRequestProof,
    run.tokens.delegated,
    run.tokens.resourceRequestProof,
  ].filter((view) => view !== undefined)
  const tokens: FloorToken[] = await Promise.all(
    views.map(async (view) => {
      const signer = signerOf(keys, view.header ?? {})
      return {
        header: view.header as JWTHeaderParameters,
        payload: view.payload as JWTPayload,
        privateKey: signer.privateKey,
        publicKey: (await importJWK(signer.publicJwk, signer.alg)) as CryptoKey,
        encoded: view.encoded,
      }
    }),
  )
  const currentDate = new Date(run.at)
  const pick = (i: number) => tokens[i % tokens.length]!

  /** One floor iteration: `ops.sign` signatures, then `ops.verify` verifications, one at a time. */
  return async function cryptoFloor(): Promise<void> {
    for (let i = 0; i < ops.sign; i++) {
      const { header, payload, privateKey } = pick(i)
      await new SignJWT(payload).setProtectedHeader(header).sign(privateKey)
    }
    for (let i = 0; i < ops.verify; i++) {
      const { encoded, publicKey, header } = pick(i)
      await jwtVerify(encoded, publicKey, { currentDate, typ: header.typ! })
    }
  }
}
