import { HttpStatus } from '@nestjs/common';
import { DomainException } from '#common';
import { JOB_NAMES } from './job-names.js';

export class UnknownJobProblem extends DomainException {
  constructor(name: string) {
    super(HttpStatus.NOT_FOUND, '/problems/not-found', 'Not found', `No job named ${name}; jobs are ${JOB_NAMES.join(', ')}.`);
  }
}

/** Redis, which holds the queues, does not answer: nothing was queued and nothing was written. */
export class QueueUnavailableProblem extends DomainException {
  constructor() {
    super(HttpStatus.SERVICE_UNAVAILABLE, '/problems/queue-unavailable', 'Queue unavailable', 'The job queue (Redis) does not answer, so the job was not queued. Try again shortly.');
  }
}
