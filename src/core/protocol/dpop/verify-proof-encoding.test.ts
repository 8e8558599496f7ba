// DPoP proofs go through the same canonical-encoding reader as every other JWT: duplicates and respellings refused.
import { base64url, CompactSign } from 'jose'
import { describe, expect, test } from 'vitest'
import { createDpopProof } from './create-proof.ts'
import { agent, NOW, URL_A, verify } from './dpop-test-fixture.ts'

const { kty, crv, x, y } = agent.publicJwk
const utf8 = new TextEncoder()
const verifyOne = (proof: string) => verify([proof])

/** A proof signed by the agent's key over exactly this claims text. */
const signedOver = (claimsText: string) =>
  new CompactSign(utf8.encode(claimsText))
    .setProtectedHeader({ typ: 'dpop+jwt', alg: 'ES256', jwk: { kty, crv, x, y } })
    .sign(agent.privateKey)

const goodProof = () => createDpopProof(agent, { htm: 'GET', htu: URL_A, iat: NOW })
const respellSignature = async (respell: (signature: string) => string) => {
  const [header, payload, signature = ''] = (await goodProof()).split('.')
  return `${header}.${payload}.${respell(signature)}`
}

describe('verifyDpopProof refuses a proof that is not one canonical JWS', () => {
  test('accepts the same proof spelled canonically', async () => {
    expect((await verifyOne(await goodProof())).result.ok).toBe(true)
  })

  test.each([
    [
      'validly signed claims naming "htu" twice, the second one elsewhere',
      () =>
        signedOver(`{"jti":"j1","htm":"GET","htu":"${URL_A}","iat":${NOW},"htu":"https://evil.example/"}`),
      'DPoP proof payload has "htu" more than once',
      /"htu" appears more than once in the payload/,
    ],
    [
      'a header naming "typ" twice',
      async () => {
        const [, payload, signature] = (await goodProof()).split('.')
        const header = `{"typ":"JWT","alg":"ES256","jwk":${JSON.stringify({ kty, crv, x, y })},"typ":"dpop+jwt"}`
        return `${base64url.encode(header)}.${payload}.${signature}`
      },
      'DPoP proof header has "typ" more than once',
      /"typ" appears more than once in the header/,
    ],
    [
      'a validly signed proof with "=" padding on its signature',
      () => respellSignature((signature) => `${signature}==`),
      'DPoP proof signature is not canonical base64url',
      /contains "=" padding/,
    ],
    [
      'a validly signed proof whose signature ends in non-zero unused bits',
      () =>
        respellSignature((signature) => {
          const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
          return signature.slice(0, -1) + alphabet.charAt(alphabet.indexOf(signature.slice(-1)) | 1)
        }),
      'DPoP proof signature is not canonical base64url',
      /whose unused low bits are not zero/,
    ],
  ])('rejects %s', async (_name, makeProof, description, reason) => {
    const { result, checks, replay } = await verifyOne(await makeProof())
    expect(!result.ok && result.error).toMatchObject({
      code: 'invalid_dpop_proof',
      status: 401,
      reason: 'dpop.malformed',
      description,
      explanation: expect.stringMatching(reason),
    })
    expect(checks.at(-1)).toMatchObject({ ok: false, label: 'DPoP header is a single well-formed JWT' })
    expect(replay.size()).toBe(0)
  })
})
