import { createHash } from 'node:crypto';
import { canonicalJson, requestHash } from './canonical-json.js';

describe('canonicalJson', () => {
  it('should sort keys at every depth and keep array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: null, x: 'å' }], c: true } })).toBe(
      '{"a":{"c":true,"d":[2,{"x":"å","y":null}]},"b":1}',
    );
  });

  it('should read an undefined value as null, like a body that never had it', () => {
    expect(canonicalJson(undefined)).toBe('null');
  });
});

describe('requestHash', () => {
  it('should be the sha256 of the canonical JSON', () => {
    expect(requestHash({ b: 1, a: 2 })).toBe(createHash('sha256').update('{"a":2,"b":1}').digest('hex'));
  });

  it('should not change with key order but with any value or line order', () => {
    const body = {
      lines: [
        { kind: 'budget', amountSek: 1 },
        { kind: 'actual', amountSek: 2 },
      ],
    };
    expect(
      requestHash({
        lines: [
          { amountSek: 1, kind: 'budget' },
          { amountSek: 2, kind: 'actual' },
        ],
      }),
    ).toBe(requestHash(body));
    expect(requestHash({ lines: [...body.lines].reverse() })).not.toBe(requestHash(body));
    expect(
      requestHash({
        lines: [
          { kind: 'budget', amountSek: 1 },
          { kind: 'actual', amountSek: 3 },
        ],
      }),
    ).not.toBe(requestHash(body));
  });
});
