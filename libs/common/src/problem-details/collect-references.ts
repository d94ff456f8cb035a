import { UnknownReferenceProblem } from './problem.js';

/**
 * Runs independent reference checks together and answers with every unknown reference at once, so a client
 * fixes them in one round trip rather than one per request.
 */
export async function checkReferences(checks: Promise<unknown>[]): Promise<void> {
  const results = await Promise.allSettled(checks);
  const errors = results.flatMap((r) =>
    r.status === 'rejected' && r.reason instanceof UnknownReferenceProblem ? (r.reason.extra.errors ?? []) : [],
  );
  const other = results.find((r) => r.status === 'rejected' && !(r.reason instanceof UnknownReferenceProblem));
  if (other?.status === 'rejected') throw other.reason;
  if (errors.length > 0) throw new UnknownReferenceProblem(errors);
}
