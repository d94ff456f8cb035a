import { decodeCursor, encodeCursor, FEED_START } from './changes-feed-cursor.js';

describe('changes feed cursor', () => {
  it('should encode as opaque base64url and decode back', () => {
    const cursor = { xid: '18446744073709551615', position: '9223372036854775807' };
    const encoded = encodeCursor(cursor);
    expect(encoded).toBe(Buffer.from('v1.18446744073709551615.9223372036854775807').toString('base64url'));
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(encoded)).toEqual(cursor);
  });

  it('should encode the start as v1.0.0', () => {
    expect(encodeCursor(FEED_START)).toBe('djEuMC4w');
    expect(decodeCursor('djEuMC4w')).toEqual(FEED_START);
  });

  it.each([
    ['empty', ''],
    ['not base64url', 'djEuMC4w!'],
    ['padding', 'djEuMC4w=='],
    ['plain text', 'v1.5.7'],
    ['another version', Buffer.from('v2.5.7').toString('base64url')],
    ['a missing part', Buffer.from('v1.5').toString('base64url')],
    ['a negative number', Buffer.from('v1.-5.7').toString('base64url')],
    ['a leading zero', Buffer.from('v1.05.7').toString('base64url')],
    ['an xid past 2^64 - 1', Buffer.from('v1.18446744073709551616.7').toString('base64url')],
    ['a position past 2^63 - 1', Buffer.from('v1.5.9223372036854775808').toString('base64url')],
    ['trailing text', Buffer.from('v1.5.7 ').toString('base64url')],
    ['too long', 'A'.repeat(65)],
  ])('should refuse %s', (_name, value) => {
    expect(decodeCursor(value)).toBeNull();
  });

  it('should refuse a non-canonical spelling of a valid cursor', () => {
    // Node decodes "…OB" to the same bytes as "…OA" (the last character's spare bits are ignored).
    expect(decodeCursor('djEuNS43OA')).toEqual({ xid: '5', position: '78' });
    expect(Buffer.from('djEuNS43OB', 'base64url').toString()).toBe('v1.5.78');
    expect(decodeCursor('djEuNS43OB')).toBeNull();
  });
});
