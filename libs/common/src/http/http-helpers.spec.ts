import { locationOf } from './creates.decorator.js';
import { IdOrCodeParam } from './id-or-code-param.pipe.js';

describe('locationOf', () => {
  it('should put the path under the global prefix with its field from the created body when the path names a field', () => {
    expect(locationOf('api/v1', 'funding/:id', { id: '0b7d1a52-0000-4000-8000-0000000000ff' })).toBe(
      '/api/v1/funding/0b7d1a52-0000-4000-8000-0000000000ff',
    );
  });

  it('should encode the value and leave the prefix out when the value is not URL-safe and no prefix is set', () => {
    expect(locationOf('', 'users/:subject', { subject: 'oid/ä b' })).toBe('/users/oid%2F%C3%A4%20b');
  });

  it('should throw naming the field when the created body lacks it', () => {
    expect(() => locationOf('api/v1', 'goals/:id', { code: 'FP-1' })).toThrow(
      "@Creates('goals/:id'): the created body has no id",
    );
  });
});

describe('IdOrCodeParam', () => {
  const pipe = IdOrCodeParam();

  it.each([
    ['3e5f7a9b-1c2d-4e6f-8a0b-2c4d6e8f0a1b', { id: '3e5f7a9b-1c2d-4e6f-8a0b-2c4d6e8f0a1b' }],
    ['SSPF', { code: 'SSPF' }],
    ['FP-1', { code: 'FP-1' }],
  ])('should read %s as %o when it is a UUID or a code', (value, ref) => {
    expect(pipe.transform(value, { type: 'param' })).toEqual(ref);
  });

  it.each(['sspf', 'SSPF!', '', 'A'.repeat(41)])(
    'should refuse with a 400 naming the parameter when it is %p, neither a UUID nor a code',
    (value) => {
      expect(() => pipe.transform(value, { type: 'param' })).toThrow(
        expect.objectContaining({ status: 400, extra: { errors: [expect.objectContaining({ field: 'id' })] } }),
      );
    },
  );
});
