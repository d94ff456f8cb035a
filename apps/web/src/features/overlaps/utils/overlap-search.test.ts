import { describe, expect, it } from 'vitest';
import { isPair, parseOverlapListSearch, reviewBody, scoreLevel, toOverlapQuery } from './overlap-search';

const [A, B, REVIEW] = [
  '3f0c2a9e-4b7d-4e1a-9c3f-2d8e5b7a1c40',
  '0b5e6c1d-2a3f-4e5d-8c7b-9a1f2e3d4c5b',
  '7d1e2f3a-4b5c-4d6e-8f7a-1b2c3d4e5f6a',
];

describe('parseOverlapListSearch', () => {
  it('should keep an offered minimum score and include=reviewed', () => {
    expect(parseOverlapListSearch({ minScore: '0.6', include: 'reviewed' })).toEqual({
      minScore: 0.6,
      include: 'reviewed',
    });
  });

  it('should drop a score the filter does not offer and an unknown include', () => {
    expect(parseOverlapListSearch({ minScore: '0.1', include: 'all' })).toMatchObject({
      minScore: undefined,
      include: undefined,
    });
    expect(parseOverlapListSearch({ minScore: 'hög' })).toMatchObject({ minScore: undefined, include: undefined });
  });

  it('should keep a pair of two different ids (in lower case, as the API writes them) and the review it came from', () => {
    expect(parseOverlapListSearch({ par: [A, B.toUpperCase()], genomgang: REVIEW })).toEqual({
      minScore: undefined,
      include: undefined,
      par: [A, B],
      genomgang: REVIEW,
    });
  });

  it('should drop a pair that is not two different ids, and a review that is no id', () => {
    for (const par of [A, [A], [A, A], [A, B, REVIEW], [A, 'SSPF']])
      expect(parseOverlapListSearch({ par }).par).toBeUndefined();
    expect(parseOverlapListSearch({ par: [A, B], genomgang: 'senaste' }).genomgang).toBeUndefined();
  });
});

describe('toOverlapQuery', () => {
  it('should send only the filters that are set', () => {
    expect(toOverlapQuery({})).toEqual({ limit: 100 });
    expect(toOverlapQuery({ minScore: 0.7, include: 'reviewed' })).toEqual({
      limit: 100,
      minScore: 0.7,
      include: 'reviewed',
    });
  });

  it('should ask for every pair of the first initiative, with or without a verdict, when one pair is asked for', () => {
    expect(toOverlapQuery({ minScore: 0.7, par: [A, B], genomgang: REVIEW })).toEqual({
      limit: 100,
      include: 'reviewed',
      initiativeId: A,
    });
  });
});

describe('isPair', () => {
  it('should know a pair named in either order, and no other', () => {
    const pair = { initiative: { id: B }, otherInitiative: { id: A } };
    expect(isPair(pair, [A, B])).toBe(true);
    expect(isPair(pair, [B, A])).toBe(true);
    expect(isPair(pair, [A, REVIEW])).toBe(false);
  });
});

describe('scoreLevel', () => {
  it('should put the score in one of three words at 0.55 and 0.7', () => {
    expect([0.4, 0.5499, 0.55, 0.6999, 0.7, 1].map(scoreLevel)).toEqual([
      'low',
      'low',
      'medium',
      'medium',
      'high',
      'high',
    ]);
  });
});

describe('reviewBody', () => {
  it('should leave out a blank note and trim a written one', () => {
    expect(reviewBody({ verdict: 'distinct', note: '  ' })).toEqual({ verdict: 'distinct' });
    expect(reviewBody({ verdict: 'coordinated', note: ' Samma lokal, olika dagar. ' })).toEqual({
      verdict: 'coordinated',
      note: 'Samma lokal, olika dagar.',
    });
  });
});
