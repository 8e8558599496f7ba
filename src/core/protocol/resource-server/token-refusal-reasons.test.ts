// Each hostile-token rule, named by its reason id as a literal: the pitfall tables map rules to ids, this pins the ids.
import { describe, expect, test } from 'vitest'
import { publicJwks } from '../keys/key-ring.ts'
import type { Reason } from '../errors/reasons.ts'
import { HOSTILE_ENCODINGS } from '../tokens/hostile-encodings.fixture.ts'
import { HOSTILE_HEADERS, type TokenTarget } from '../tokens/hostile-tokens.fixture.ts'
import type { JwtRule } from '../tokens/jwt-failure.ts'
import { NO_CHECK_LOG } from '../trace/check-log.ts'
import { claims, IDP, keys, NOW } from './resource-server-fixture.ts'
import { verifyAccessToken } from './verify-access-token.ts'

const TARGET: TokenTarget = {
  name: 'Access token',
  typ: 'at+jwt',
  audience: 'api.github.com',
  claims: claims(),
  key: keys.idp,
  rogue: keys.rogue,
  nowSeconds: NOW,
}

const firstFor = (rule: JwtRule) => [...HOSTILE_HEADERS, ...HOSTILE_ENCODINGS].find((h) => h.rule === rule)!

describe('the resource server names each token refusal by its reason id', () => {
  test.each<[string, JwtRule, Reason]>([
    ['a token whose JSON repeats a member name', 'encoding', 'token.encoding'],
    ['a token whose header carries a key of its own', 'header', 'token.header'],
    ['a token whose "crit" names an extension nobody here understands', 'crit', 'token.crit'],
  ])('refuses %s as invalid_token', async (_, rule, reason) => {
    const result = await verifyAccessToken(await firstFor(rule).make(TARGET), {
      issuer: IDP,
      audience: 'api.github.com',
      jwks: publicJwks(keys.idp),
      nowSeconds: NOW,
      log: NO_CHECK_LOG,
    })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error).toMatchObject({ code: 'invalid_token', status: 401, reason })
  })
})
