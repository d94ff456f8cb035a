// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { EMPTY_ROUND, parseRoundSearch, toNewRound } from './round-form';

describe('toNewRound', () => {
  it('should send no department chosen as every department, and the text trimmed', () => {
    expect(toNewRound({ ...EMPTY_ROUND, title: ' Delårsrapport ', period: '2026-H1 ', dueDate: '2026-09-15' })).toEqual(
      {
        title: 'Delårsrapport',
        period: '2026-H1',
        dueDate: '2026-09-15',
        scopeStatuses: ['approved', 'active'],
        scopeDepartmentIds: null,
      },
    );
  });

  it('should send the chosen departments and statuses as they are', () => {
    expect(toNewRound({ ...EMPTY_ROUND, scopeStatuses: ['draft'], scopeDepartmentIds: ['d1'] })).toMatchObject({
      scopeStatuses: ['draft'],
      scopeDepartmentIds: ['d1'],
    });
  });
});

describe('parseRoundSearch', () => {
  it('should keep a round id and drop anything else', () => {
    expect(parseRoundSearch({ round: '00000000-0000-4000-8000-000000000001' })).toEqual({
      round: '00000000-0000-4000-8000-000000000001',
    });
    expect(parseRoundSearch({ round: 'x' })).toEqual({ round: undefined });
  });
});
