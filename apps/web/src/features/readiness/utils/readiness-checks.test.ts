import { describe, expect, it } from 'vitest';
import {
  READINESS_CHECKS,
  checkFix,
  checksMet,
  departmentRows,
  priorityAreaRows,
  type ReadinessGroup,
} from './readiness-checks';

const allMet = Object.fromEntries(READINESS_CHECKS.map((check) => [check, true]));
const group = (initiatives: number): ReadinessGroup => ({ initiatives, score: 0.75, checks: { effectLogic: 0 } });

describe('checksMet', () => {
  it('should count only the checks that apply: no temporary money, no coverage decision to make', () => {
    expect(checksMet({ ...allMet, effectLogic: false, reportedOnTime: false, coverageDecision: null })).toEqual({
      met: 5,
      applicable: 7,
    });
    expect(checksMet({ ...allMet, coverageDecision: false })).toEqual({ met: 7, applicable: 8 });
  });
});

describe('checkFix', () => {
  it('should send what Ändra insatsen holds to its field, and the rest to the page that fixes it', () => {
    expect(checkFix('processOwner')).toEqual({
      page: 'edit',
      to: '/insatser/$code/andra',
      hash: 'falt-processOwner-name',
    });
    expect(checkFix('coOwnerResponsibilities')).toMatchObject({ hash: 'falt-participants' });
    expect(checkFix('followUpPlan')).toMatchObject({ hash: 'falt-followUpPlan-method' });
    expect(checkFix('effectLogic')).toEqual({ page: 'effectLogic', to: '/insatser/$code/effektlogik' });
    expect(checkFix('coverageDecision')).toEqual({ page: 'funding', to: '/insatser/$code/finansiering' });
    expect(checkFix('reportedOnTime')).toEqual({ page: 'reports', to: '/rapporter' });
  });
});

describe('departmentRows and priorityAreaRows', () => {
  it('should name the rows and filter to a department, initiatives without one last and without a link', () => {
    const rows = departmentRows(
      {
        byDepartment: [
          { id: 'd1', code: 'ASF', name: 'Arbetsmarknads- och socialförvaltningen', ...group(6) },
          { id: null, code: null, name: null, ...group(1) },
        ],
      },
      'Utan ledande förvaltning',
    );
    expect(rows.map((row) => [row.name, row.search])).toEqual([
      ['Arbetsmarknads- och socialförvaltningen', { leadDepartmentId: 'd1' }],
      ['Utan ledande förvaltning', undefined],
    ]);
  });

  it('should put the area code before its title and the unlinked initiatives last', () => {
    const rows = priorityAreaRows(
      {
        byPriorityArea: {
          areas: [{ id: 'a3', code: 'FP-3', title: 'Tidiga insatser', ...group(3) }],
          unlinked: group(1),
        },
      },
      'Utan prioriterat område',
    );
    expect(rows.map((row) => [row.name, row.search, row.group.initiatives])).toEqual([
      ['FP-3 Tidiga insatser', { goalId: 'a3' }, 3],
      ['Utan prioriterat område', undefined, 1],
    ]);
    expect(priorityAreaRows({ byPriorityArea: { areas: [], unlinked: null } }, 'x')).toEqual([]);
  });
});
