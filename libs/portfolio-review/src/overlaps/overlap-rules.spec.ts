import { OVERLAP_WEIGHTS, orderPair } from './overlap-rules.js';

describe('overlap rules', () => {
  it('weights sum to 1, so a pair alike in every way scores 1', () => {
    const sum = Object.values(OVERLAP_WEIGHTS).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1, 10);
  });

  it('orders a pair the same whichever way it is named, lower id first', () => {
    const a = '0a000000-0000-4000-8000-000000000000';
    const b = 'F1000000-0000-4000-8000-000000000000';
    expect(orderPair(a, b)).toEqual([a, b.toLowerCase()]);
    expect(orderPair(b, a)).toEqual([a, b.toLowerCase()]);
  });
});
