import { PERIOD_PATTERN } from './reporting-round.entity.js';
import { canMoveReport, isOverdue, missingForSubmit } from './status-report-rules.js';

describe('status report rules', () => {
  it.each([
    ['pending', 'submit', true],
    ['returned', 'submit', true],
    ['submitted', 'submit', false],
    ['approved', 'submit', false],
    ['submitted', 'approve', true],
    ['pending', 'approve', false],
    ['returned', 'approve', false],
    ['approved', 'approve', false],
    ['submitted', 'return', true],
    ['pending', 'return', false],
    ['approved', 'return', false],
  ] as const)('should let a %s report %s: %s', (from, move, allowed) => {
    expect(canMoveReport(from, move)).toBe(allowed);
  });

  it('should name every field a report lacks before it can be submitted', () => {
    expect(missingForSubmit({ ragStatus: null, progress: '  ' }).map((e) => e.field)).toEqual([
      'ragStatus',
      'progress',
    ]);
    expect(missingForSubmit({ ragStatus: 'green', progress: null }).map((e) => e.field)).toEqual(['progress']);
    expect(missingForSubmit({ ragStatus: 'amber', progress: 'Enligt plan.' })).toEqual([]);
  });

  it.each([
    ['pending', '2025-09-15', '2025-09-16', true],
    ['returned', '2025-09-15', '2025-09-16', true],
    ['pending', '2025-09-15', '2025-09-15', false],
    ['submitted', '2025-09-15', '2025-09-16', false],
    ['approved', '2025-09-15', '2026-01-01', false],
  ] as const)('should call a %s report due %s overdue on %s: %s', (status, dueDate, today, overdue) => {
    expect(isOverdue(status, dueDate, today)).toBe(overdue);
  });

  it.each(['2025', '2025-H1', '2025-H2', '2025-Q1', '2025-Q4', '2025-01', '2025-12'])(
    'should accept the period %s',
    (period) => {
      expect(PERIOD_PATTERN.test(period)).toBe(true);
    },
  );

  it.each(['25', '2025-H3', '2025-Q5', '2025-Q0', '2025-13', '2025-00', '2025-5', '2025-h1', '2025-05-01', ' 2025'])(
    'should refuse the period %s',
    (period) => {
      expect(PERIOD_PATTERN.test(period)).toBe(false);
    },
  );
});
