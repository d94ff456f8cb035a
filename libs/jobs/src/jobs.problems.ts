import { HttpStatus } from '@nestjs/common';
import { DomainException } from '#common';
import { JOB_NAMES } from './job-names.js';

export class UnknownJobProblem extends DomainException {
  constructor(name: string) {
    super(
      HttpStatus.NOT_FOUND,
      '/problems/not-found',
      'Not found',
      `No job named ${name}; jobs are ${JOB_NAMES.join(', ')}.`,
    );
  }
}
