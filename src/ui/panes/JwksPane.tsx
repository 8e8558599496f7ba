// The public keys a verifier needs: the IdP's (subject and delegated tokens) and the workload issuer's.
import type { Run } from '../../core/playground/index.ts'
import { CopyButton } from '../components/CopyButton.tsx'
import { JsonView } from '../components/JsonView.tsx'
import { Code, Pane } from '../components/Pane.tsx'

/** Takes only the key sets, which stay the same object for every Run of a key ring, so it rarely re-renders. */
export function JwksPane({ jwks }: { jwks: Run['jwks'] }) {
  const { idp, workload } = jwks
  return (
    <Pane
      id="jwks"
      title="IdP JWKS"
      note={
        <>
          Generated in this tab with WebCrypto; the private halves can’t be exported. A token’s{' '}
          <Code>kid</Code> picks the key.
        </>
      }
      actions={<CopyButton what="IdP JWKS" text={() => JSON.stringify(idp, null, 2)} />}
    >
      <div className="space-y-3">
        <div>
          <h3 className="mb-1 text-xs font-medium text-slate-700 dark:text-slate-300">IdP</h3>
          <JsonView value={idp} label="IdP JWKS JSON" />
        </div>
        <div>
          <h3 className="mb-1 text-xs font-medium text-slate-700 dark:text-slate-300">
            Workload issuer (actor tokens)
          </h3>
          <JsonView value={workload} label="Workload issuer JWKS JSON" />
        </div>
      </div>
    </Pane>
  )
}
