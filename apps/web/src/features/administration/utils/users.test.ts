import { describe, expect, it } from 'vitest';
import { EMPTY_USER, toUserMapping, toUserValues } from './users';

describe('users', () => {
  it('should send the whole mapping, an emptied name or e-mail as null', () => {
    expect(toUserMapping({ subject: ' abc-123 ', departmentId: 'id-ASF', name: ' Samordnare ', email: '' })).toEqual({
      subject: 'abc-123',
      mapping: { departmentId: 'id-ASF', name: 'Samordnare', email: null },
    });
    expect(toUserMapping(EMPTY_USER).mapping.departmentId).toBe('');
  });

  it('should open a mapping with what it holds, empty texts for what it does not', () => {
    const user = {
      id: 'u',
      subject: 'abc-123',
      departmentId: 'id-ASF',
      name: null,
      email: 'a@kommun.se',
      version: 1,
      createdAt: '',
      updatedAt: '',
    };

    expect(toUserValues(user)).toEqual({ subject: 'abc-123', departmentId: 'id-ASF', name: '', email: 'a@kommun.se' });
  });
});
