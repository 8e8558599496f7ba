// One line per actor-profile rule: passed or broken, with what was found and where the rule is written.
import { type ActorProfileCheck, specText } from '../../core/protocol/index.ts'
import { SpecRef } from '../components/SpecRef.tsx'

export function ProfileChecksView({ checks }: { checks: ActorProfileCheck[] }) {
  return (
    <section aria-label="Actor profile checks">
      <h3 className="mb-1 text-xs font-semibold">Actor profile</h3>
      <ul className="space-y-1 text-xs">
        {checks.map((check) => (
          <li key={check.rule} className={check.ok ? '' : 'text-red-700 dark:text-red-300'}>
            {check.ok ? '✓' : '✗'} {check.label}: {check.detail} <SpecRef spec={specText(check.spec)} />
          </li>
        ))}
      </ul>
    </section>
  )
}
