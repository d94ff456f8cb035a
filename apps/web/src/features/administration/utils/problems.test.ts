import { describe, expect, it } from 'vitest';
import { administrationMessages } from '../messages';
import { inSwedish } from './problems';

const t = administrationMessages.problems;
const problem = (errors: { field: string; message: string }[]) => ({
  type: '/problems/x',
  title: 'x',
  status: 409,
  detail: '',
  errors,
});

describe('inSwedish', () => {
  it("should put these screens' refusals in Swedish by field, and leave the rest for lib/problem", () => {
    const swedish = inSwedish(
      problem([
        { field: 'code', message: 'already exists' },
        { field: 'name', message: 'already exists' },
        {
          field: 'url',
          message: 'the host 127.0.0.1 resolves to a private, loopback or link-local address (127.0.0.1)',
        },
        { field: 'headEmail', message: 'headEmail must be an email' },
      ]),
    );

    expect(swedish.errors?.map((e) => e.message)).toEqual([
      t.codeTaken,
      t.nameTaken,
      t.privateTarget,
      'headEmail must be an email',
    ]);
  });

  it("should take a screen's own words before the shared ones", () => {
    const cycle = problem([{ field: 'parentId', message: 'would create a cycle' }]);

    expect(inSwedish(cycle).errors?.[0]?.message).toBe(t.parentCycle);
    expect(inSwedish(cycle, [['parentId', /cycle/, t.goalCycle]]).errors?.[0]?.message).toBe(t.goalCycle);
  });

  it('should leave a problem without field errors as it is', () => {
    const plain = { type: '/problems/x', title: 'x', status: 500, detail: '' };

    expect(inSwedish(plain)).toBe(plain);
  });
});
