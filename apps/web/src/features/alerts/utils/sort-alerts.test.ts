// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ownDepartmentFirst, splitByDepartment } from './sort-alerts';

const ASF = 'asf-id';
const KFF = 'kff-id';
// In the API's order: most severe first, then by due date.
const alerts = [
  { id: 'kff-critical', departmentId: KFF },
  { id: 'asf-critical', departmentId: ASF },
  { id: 'none-warning', departmentId: null },
  { id: 'kff-warning', departmentId: KFF },
  { id: 'asf-info', departmentId: ASF },
];

describe('alerts of the person’s own department first', () => {
  it('should put the own department’s alerts first, each part in the API’s order', () => {
    expect(ownDepartmentFirst(alerts, ASF).map((a) => a.id)).toEqual([
      'asf-critical',
      'asf-info',
      'kff-critical',
      'none-warning',
      'kff-warning',
    ]);
  });

  it('should split them for the page’s two sections', () => {
    const { own, others } = splitByDepartment(alerts, KFF);

    expect(own.map((a) => a.id)).toEqual(['kff-critical', 'kff-warning']);
    expect(others.map((a) => a.id)).toEqual(['asf-critical', 'none-warning', 'asf-info']);
  });

  it('should keep the API’s order when the person has no department', () => {
    expect(ownDepartmentFirst(alerts, null).map((a) => a.id)).toEqual(alerts.map((a) => a.id));
    expect(splitByDepartment(alerts, undefined).own).toEqual([]);
  });
});
