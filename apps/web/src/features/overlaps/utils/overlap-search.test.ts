import { describe, expect, it } from 'vitest';
import { parseOverlapListSearch, reviewBody, scoreLevel, toOverlapQuery } from './overlap-search';

describe('parseOverlapListSearch', () => {
  it('should keep an offered minimum score and include=reviewed', () => {
    expect(parseOverlapListSearch({ minScore: '0.6', include: 'reviewed' })).toEqual({ minScore: 0.6, include: 'reviewed' });
  });

  it('should drop a score the filter does not offer and an unknown include', () => {
    expect(parseOverlapListSearch({ minScore: '0.1', include: 'all' })).toEqual({ minScore: undefined, include: undefined });
    expect(parseOverlapListSearch({ minScore: 'hög' })).toEqual({ minScore: undefined, include: undefined });
  });
});

describe('toOverlapQuery', () => {
  it('should send only the filters that are set', () => {
    expect(toOverlapQuery({})).toEqual({ limit: 100 });
    expect(toOverlapQuery({ minScore: 0.7, include: 'reviewed' })).toEqual({ limit: 100, minScore: 0.7, include: 'reviewed' });
  });
});

describe('scoreLevel', () => {
  it('should put the score in one of three words at 0.55 and 0.7', () => {
    expect([0.4, 0.5499, 0.55, 0.6999, 0.7, 1].map(scoreLevel)).toEqual(['low', 'low', 'medium', 'medium', 'high', 'high']);
  });
});

describe('reviewBody', () => {
  it('should leave out a blank note and trim a written one', () => {
    expect(reviewBody({ verdict: 'distinct', note: '  ' })).toEqual({ verdict: 'distinct' });
    expect(reviewBody({ verdict: 'coordinated', note: ' Samma lokal, olika dagar. ' })).toEqual({ verdict: 'coordinated', note: 'Samma lokal, olika dagar.' });
  });
});
