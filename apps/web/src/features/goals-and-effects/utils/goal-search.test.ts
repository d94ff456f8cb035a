import { describe, expect, it } from 'vitest';
import { parseGoalSearch, statusesOf } from './goal-search';

describe("Mål och effekter's choice in the URL", () => {
  it('should keep the one choice offered and drop anything else', () => {
    expect(parseGoalSearch({ scope: 'open' })).toEqual({ scope: 'open' });
    expect(parseGoalSearch({ scope: 'closed', status: 'draft' })).toEqual({});
  });

  it('should ask for the open statuses, or for every initiative', () => {
    expect(statusesOf({ scope: 'open' })).toEqual(['proposed', 'approved', 'active']);
    expect(statusesOf({})).toBeUndefined();
  });
});
