import { previousOccurrence } from './occurrences.ts';
import type { DigestTarget } from './targets.ts';

export type DueDecision =
  | { readonly kind: 'none' }
  /** Post the run scheduled at `scheduledAt`; `catchUp`: it was missed and the policy allows it. */
  | { readonly kind: 'run'; readonly scheduledAt: Date; readonly catchUp: boolean }
  /** Do not post it: missed and the policy says skip, or past the catch-up grace period. */
  | { readonly kind: 'skip'; readonly scheduledAt: Date; readonly reason: string };

/**
 * What to do about a target at `now`, given the latest scheduled instant already dealt with
 * (`handled`, ms). Only the latest due instant matters: several missed runs give at most one
 * post. Within `lateToleranceMs` a run is on time whatever the policy (a tick a bit late, a
 * lease changing hands); later than that it was missed, and the target's policy decides.
 */
export function decideDue(target: DigestTarget, now: Date, handled: number, lateToleranceMs: number): DueDecision {
  const due = previousOccurrence(target.cron, target.timezone, now);
  if (due === null || due.getTime() <= handled) return { kind: 'none' };
  const late = now.getTime() - due.getTime();
  if (late <= lateToleranceMs) return { kind: 'run', scheduledAt: due, catchUp: false };
  if (target.missed.kind === 'skip') return { kind: 'skip', scheduledAt: due, reason: 'missed; missedRun is skip' };
  if (late <= target.missed.graceMs) return { kind: 'run', scheduledAt: due, catchUp: true };
  return { kind: 'skip', scheduledAt: due, reason: 'missed by more than the catch-up grace period' };
}
