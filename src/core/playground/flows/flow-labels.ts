// The name of every flow, as the "Flow" control lists them: data only, so the control loads no protocol code.
import type { FlowId } from '../run.ts'

/** Keyed by every flow id, so a new flow cannot be added without its name. Order is the control's order. */
export const FLOW_LABELS: Readonly<Record<FlowId, string>> = {
  delegation: 'Delegation (RFC 8693)',
  'cross-app': 'Cross-app access (ID-JAG)',
  'identity-chaining': 'Identity chaining across domains',
  'transaction-tokens': 'Transaction tokens inside a domain',
}
