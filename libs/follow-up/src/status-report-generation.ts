import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

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
    const [{ created }] = await this.dataSource.query(
      `WITH inserted AS (
         INSERT INTO status_reports (round_id, initiative_id, department_id)
         SELECT r.id, i.id, i.lead_department_id
           FROM reporting_rounds r
           JOIN initiatives i ON i.status = ANY(r.scope_statuses)
          WHERE r.id = $1
            AND (r.scope_department_ids IS NULL OR i.lead_department_id = ANY(r.scope_department_ids))
         ON CONFLICT (round_id, initiative_id) DO NOTHING
         RETURNING 1
       )
       SELECT count(*)::int AS created FROM inserted`,
      [roundId],
    );
    return created;
  }
}
