import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { enqueueNotices } from '#notifications';
import { roundReminders } from './round-reminders.js';

/** Plans the reminders due as of a day into the outbox; the worker's daily scan job then sends them with the rest. */
@Injectable()
export class RoundRemindersService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  plan(asOf: string): Promise<number> {
    return enqueueNotices(this.dataSource, roundReminders(asOf));
  }
}
