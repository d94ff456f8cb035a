import { describe, expect, it } from 'vitest';
import type { components } from '../../../lib/api-schema';
import {
  EMPTY_DEPARTMENT,
  inTreeOrder,
  NO_PARENT,
  possibleParents,
  toDepartmentChanges,
  toDepartmentValues,
  toNewDepartment,
} from './departments';

type Department = components['schemas']['DepartmentDto'];

const unit = (code: string, parentId: string | null = null): Department => ({
  id: `id-${code}`,
  code,
  name: `Namn ${code}`,
  kind: 'administration',
  parentId,
  headEmail: null,
  version: 1,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
});

describe('departments', () => {
  it('should send a new unit with its code in capitals and leave out what was left empty', () => {
    expect(toNewDepartment({ ...EMPTY_DEPARTMENT, code: ' e2e-1 ', name: 'Enhet', kind: 'external' })).toEqual({
      code: 'E2E-1',
      name: 'Enhet',
      kind: 'external',
    });
    expect(
      toNewDepartment({ code: 'X', name: 'Enhet', kind: 'company', parentId: 'id-KSF', headEmail: ' chef@kommun.se ' }),
    ).toEqual({
      code: 'X',
      name: 'Enhet',
      kind: 'company',
      parentId: 'id-KSF',
      headEmail: 'chef@kommun.se',
    });
  });

  it('should send only what changed, an emptied field as null', () => {
    const before = { ...unit('HALL', 'id-KSF'), headEmail: 'chef@kommun.se' };
    const values = toDepartmentValues(before);

    expect(toDepartmentChanges(before, values)).toEqual({});
    expect(toDepartmentChanges(before, { ...values, name: 'Nytt namn', parentId: NO_PARENT, headEmail: '' })).toEqual({
      name: 'Nytt namn',
      parentId: null,
      headEmail: null,
    });
  });

  it('should list each unit under its parent, by code, one whose parent is missing at the top', () => {
    const list = [
      unit('UTB'),
      unit('HALL', 'id-KSF'),
      unit('KSF'),
      unit('TRYGG', 'id-KSF'),
      unit('ORPHAN', 'id-GONE'),
      unit('TEAM', 'id-TRYGG'),
    ];

    expect(inTreeOrder(list).map(({ department, depth }) => `${depth}:${department.code}`)).toEqual([
      '0:KSF',
      '1:HALL',
      '1:TRYGG',
      '2:TEAM',
      '0:ORPHAN',
      '0:UTB',
    ]);
  });

  it('should list units only a cycle reaches rather than lose them', () => {
    expect(inTreeOrder([unit('A', 'id-B'), unit('B', 'id-A')]).map(({ department }) => department.code)).toEqual([
      'A',
      'B',
    ]);
  });

  it('should not offer a unit itself or its own units as its parent', () => {
    const list = [unit('KSF'), unit('TRYGG', 'id-KSF'), unit('TEAM', 'id-TRYGG'), unit('UTB')];

    expect(possibleParents(list, 'id-TRYGG').map((d) => d.code)).toEqual(['KSF', 'UTB']);
    expect(possibleParents(list, null)).toHaveLength(4);
  });
});
