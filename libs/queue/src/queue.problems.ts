import { HttpStatus } from '@nestjs/common';
import { DomainException } from '#common';

/** Redis, which holds the queues, does not answer: nothing was queued and nothing was written. */
export class QueueUnavailableProblem extends DomainException {
  constructor() {
    super(
      HttpStatus.SERVICE_UNAVAILABLE,
      '/problems/queue-unavailable',
      'Queue unavailable',
      'The job queue (Redis) does not answer, so the job was not queued. Try again shortly.',
    );
  }
}
