// Decodes a pasted JWT in the page and shows what it says; nothing pasted here is sent, stored or linked.
import { useEffect, useMemo, useState } from 'react'
import {
  inspectToken,
  MAX_INSPECT_CHARS,
  type SignatureCheck,
  verifyPastedSignature,
} from '../../core/protocol/index.ts'
import { JsonView } from '../components/JsonView.tsx'
import { Notice } from '../components/Notice.tsx'
import { ActChainView } from './ActChainView.tsx'
import { InspectedClaims } from './InspectedClaims.tsx'
import { ProfileChecksView } from './ProfileChecksView.tsx'

const FIELD =
  'mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 font-mono text-xs break-all dark:border-slate-700 dark:bg-slate-950'

export default function TokenInspector() {
  const [token, setToken] = useState('')
  const [key, setKey] = useState('')
  // Each result remembers the token and key it was for, so one for an older pair never shows.
  const [checked, setChecked] = useState<{ token: string; key: string; result: SignatureCheck } | null>(null)
  const inspected = useMemo(() => inspectToken(token), [token])
  const signature = checked?.token === token && checked.key === key ? checked.result : null

  useEffect(() => {
    if (!inspected.ok || key.trim() === '') return
    let current = true
    void verifyPastedSignature(token, key).then((result) => {
      if (current) setChecked({ token, key, result })
    })
    return () => {
      current = false
    }
  }, [inspected.ok, token, key])

  return (
    <div className="space-y-4">
      <p id="inspect-privacy" className="text-xs/5 text-slate-600 dark:text-slate-300">
        Your token stays in this page: it is decoded here, never sent anywhere, never stored, and never put in
        the link. Keys are pasted too; no key set is fetched from a URL.
      </p>
      <label className="block text-xs font-medium">
        Token (JWT)
        <textarea
          className={FIELD}
          rows={4}
          maxLength={MAX_INSPECT_CHARS}
          spellCheck={false}
          autoComplete="off"
          aria-describedby="inspect-privacy"
          value={token}
          onChange={(event) => setToken(event.target.value)}
        />
      </label>
      <label className="block text-xs font-medium">
        Public key to verify with (JWK or JWKS)
        <textarea
          className={FIELD}
          rows={3}
          maxLength={MAX_INSPECT_CHARS}
          spellCheck={false}
          autoComplete="off"
          value={key}
          onChange={(event) => setKey(event.target.value)}
        />
      </label>

      {!inspected.ok ? (
        token.trim() !== '' && (
          <Notice tone="error">
            <span role="alert">Not a readable JWT: {inspected.message}</span>
          </Notice>
        )
      ) : (
        <div className="space-y-4">
          <p role="status" aria-label="Signature" className="text-xs font-medium">
            {signature === null
              ? key.trim() === ''
                ? 'Signature not checked: paste the issuer’s public JWK or JWKS.'
                : 'Checking the signature…'
              : signature.ok
                ? `Signature verified (${signature.alg}${signature.kid ? `, key ${signature.kid}` : ''}).`
                : `Signature not verified: ${signature.message}`}
          </p>
          <ActChainView
            subject={inspected.value.subject}
            chain={inspected.value.actChain}
            mayAct={inspected.value.mayAct}
          />
          <ProfileChecksView checks={inspected.value.profile} />
          <section aria-label="Decoded header">
            <h3 className="mb-1 text-xs font-semibold">Header</h3>
            <JsonView value={inspected.value.header} />
          </section>
          <InspectedClaims claims={inspected.value.claims} />
        </div>
      )}
    </div>
  )
}
