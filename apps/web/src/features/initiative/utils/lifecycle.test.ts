// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { guardFix, lifecyclePhases } from './lifecycle';

const states = (status: Parameters<typeof lifecyclePhases>[0]) =>
  lifecyclePhases(status).map((p) => `${p.label}:${p.state}`);

describe('lifecyclePhases', () => {
  it('should mark the phases before an active initiative done, active current and the end upcoming', () => {
    expect(states('active')).toEqual([
      'Utkast:done',
      'Föreslagen:done',
      'Beslutad:done',
      'Pågående:current',
      'Avslutad eller införd i ordinarie verksamhet:upcoming',
    ]);
  });

  it('should make a draft the current, first phase with every other upcoming', () => {
    expect(lifecyclePhases('draft').map((p) => p.state)).toEqual([
      'current',
      'upcoming',
      'upcoming',
      'upcoming',
      'upcoming',
    ]);
  });

  it('should name the end it reached: integrated or completed, current, after four done phases', () => {
    expect(states('integrated').at(-1)).toBe('Införd i ordinarie verksamhet:current');
    expect(states('completed').at(-1)).toBe('Avslutad:current');
    expect(
      lifecyclePhases('completed')
        .slice(0, 4)
        .every((p) => p.state === 'done'),
    ).toBe(true);
  });

  it('should add Avbruten as the current phase of a discontinued initiative and mark the path not reached', () => {
    const phases = lifecyclePhases('discontinued');

    expect(phases.at(-1)).toEqual({ key: 'discontinued', label: 'Avbruten', state: 'current' });
    expect(phases.slice(0, -1).every((p) => p.state === 'notReached')).toBe(true);
    expect(phases.filter((p) => p.state === 'current')).toHaveLength(1);
  });
});

describe('guardFix', () => {
  it.each([
    ['leadDepartment', { to: '/insatser/$code/andra', hash: 'falt-leadDepartmentId' }],
    ['goal', { to: '/insatser/$code/andra', hash: 'falt-goalIds' }],
    ['followUpPlan', { to: '/insatser/$code/andra', hash: 'falt-followUpPlan-method' }],
    ['startDate', { to: '/insatser/$code/andra', hash: 'falt-startDate' }],
    ['funding', { to: '/insatser/$code/finansiering' }],
  ])('should send the guard %s to the field that puts it right', (guard, fix) => {
    expect(guardFix(guard)).toEqual(fix);
  });

  it('should give a guard it does not know no link', () => {
    expect(guardFix('budget')).toBeUndefined();
  });
});
