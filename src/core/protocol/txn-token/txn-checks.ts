// The checks a workload makes on a Txn-Token, as the checks pane lists them, each with where it is written.
import { TXN_TOKEN_DRAFT as DRAFT } from './txn-token-format.ts'

const at = (section: string) => `${DRAFT} §${section}`

/** One label per rule, so a refusal and a pass of the same rule read the same in the checks pane. */
export const TXN_CHECKS = {
  header: { label: 'the Txn-Token header carries a Txn-Token', spec: at('12.1, §13.4') },
  single: { label: 'exactly one Txn-Token', spec: at('12.1') },
  signature: { label: 'the Txn-Token is signed by this domain’s TTS', spec: at('12.2') },
  domain: { label: 'the Txn-Token’s aud is this trust domain', spec: at('12.2') },
  expiry: { label: 'the Txn-Token has not expired', spec: at('12.2') },
  claims: { label: 'the Txn-Token carries txn, sub, scope and req_wl', spec: at('9.2') },
  purpose: { label: 'the Txn-Token’s scope covers this service’s purpose', spec: at('9.2.1') },
  accessToken: {
    label: 'the forwarded access token verifies (a vulnerable service takes it)',
    spec: 'RFC 9068 §4',
  },
} as const
