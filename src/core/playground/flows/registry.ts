// Every flow the playground can run, by id: adding a flow is one folder and one entry here.
import type { FlowId } from '../run.ts'
import { crossAppFlow } from './cross-app/cross-app-flow.ts'
import { delegationFlow } from './delegation/delegation-flow.ts'
import type { Flow } from './flow.ts'
import { chainingFlow } from './identity-chaining/chaining-flow.ts'
import { txnFlow } from './transaction-tokens/txn-flow.ts'

export const FLOWS: Readonly<Record<FlowId, Flow>> = {
  delegation: delegationFlow,
  'cross-app': crossAppFlow,
  'identity-chaining': chainingFlow,
  'transaction-tokens': txnFlow,
}
