import type { DataSource } from 'typeorm';
import { ReportingRoundEntity, StatusReportEntity } from '#follow-up';

/** A round written straight to the database (its reports are not created: use givenStatusReport or the job). */
export function givenRound(ds: DataSource, overrides: Partial<ReportingRoundEntity> = {}) {
  const repo = ds.getRepository(ReportingRoundEntity);
  return repo.save(
    repo.create({
      title: 'Delårsrapport augusti 2025',
      period: '2025-H1',
      dueDate: '2025-09-15',
      scopeStatuses: ['approved', 'active'],
      scopeDepartmentIds: null,
      createdBy: 'test',
      jobRunId: null,
      ...overrides,
    }),
  );
}

export function givenStatusReport(
  ds: DataSource,
  roundId: string,
  initiativeId: string,
  overrides: Partial<StatusReportEntity> = {},
) {
  const repo = ds.getRepository(StatusReportEntity);
  return repo.save(repo.create({ roundId, initiativeId, departmentId: null, status: 'pending', ...overrides }));
}

/** `count` initiatives in one statement, for portfolio-sized rounds. */
export async function givenManyInitiatives(
  ds: DataSource,
  count: number,
  leadDepartmentId: string,
  status = 'active',
): Promise<void> {
  await ds.query(
    `INSERT INTO initiatives (code, title, kind, status, lead_department_id)
     SELECT 'BULK-' || n, 'Insats ' || n, 'project', $3, $2 FROM generate_series(1, $1::int) AS n`,
    [count, leadDepartmentId, status],
  );
}
