import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { queryOne } from '#common';
import { CREATE_ROUND_REPORTS_SQL } from './status-report-generation.sql.js';

/**
 * Creates one pending status report per initiative in the round's scope, in one statement whatever the portfolio's
 * size. A report that exists is left alone (ON CONFLICT DO NOTHING), so a retried or replayed job creates nothing
 * twice and never touches what a department has written. The scope is judged when the job runs, seconds after the
 * round is created. Answers how many reports were new.
 */
@Injectable()
export class StatusReportGenerator {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async createForRound(roundId: string): Promise<number> {
    return (await queryOne(this.dataSource, CREATE_ROUND_REPORTS_SQL, [roundId])).created;
  }
}
