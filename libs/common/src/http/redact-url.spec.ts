import { redactQuery, redactUrl } from './redact-url.js';

describe('redactUrl', () => {
  it.each([
    ['access_token', '/api/v1/x?access_token=abc', '/api/v1/x?access_token=[redacted]'],
    [
      'a name in capitals',
      '/api/v1/x?Access_Token=abc&status=active',
      '/api/v1/x?Access_Token=[redacted]&status=active',
    ],
    ['a percent-encoded name', '/api/v1/x?access%5Ftoken=abc', '/api/v1/x?access%5Ftoken=[redacted]'],
    [
      'every credential name',
      '/x?token=1&api_key=2&key=3&code=4&id_token=5&refresh_token=6&client_secret=7&password=8',
      '/x?token=[redacted]&api_key=[redacted]&key=[redacted]&code=[redacted]&id_token=[redacted]&refresh_token=[redacted]&client_secret=[redacted]&password=[redacted]',
    ],
    ['a parameter repeated', '/x?token=1&token=2', '/x?token=[redacted]&token=[redacted]'],
    [
      'an identity number in a value',
      '/api/v1/initiatives?q=811218-9876&status=active',
      '/api/v1/initiatives?q=[redacted]&status=active',
    ],
    [
      'an identity number with a percent-encoded en dash',
      '/api/v1/x?q=pnr%20811218%E2%80%939876',
      '/api/v1/x?q=[redacted]',
    ],
    ['an identity number in a path segment', '/api/v1/users/19811218-9876?x=1', '/api/v1/users/[redacted]?x=1'],
  ])('should redact the value when the query holds %s', (_, url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });

  it.each([
    ['no query', '/api/v1/initiatives'],
    ['ordinary parameters', '/api/v1/initiatives?status=active&q=f%C3%A4ltarbetare&sort=-startDate'],
    ['names that only contain a credential name', '/api/v1/x?budgetProjectCode=P4711&keyword=x&tokens=2'],
    ['a malformed escape', '/api/v1/x?q=%E0%A4%A'],
    [
      'numbers that only look like identity numbers',
      '/api/v1/x?q=KS%202023%2F01146&phone=070-123%2045%2067&id=212000-2411',
    ],
  ])('should leave the URL as it was when it has %s', (_, url) => {
    expect(redactUrl(url)).toBe(url);
  });
});

describe('redactQuery', () => {
  it('should redact credentials and values holding an identity number when the query is parsed', () => {
    expect(redactQuery({ access_token: 'abc', q: ['x', '811218–9876'], status: 'active' })).toEqual({
      access_token: '[redacted]',
      q: '[redacted]',
      status: 'active',
    });
  });
});
