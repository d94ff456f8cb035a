import { InvalidConfigurationError, validateEnvironment } from './environment.js';

function problemsOf(env: Record<string, unknown>): string[] {
  try {
    validateEnvironment(env);
  } catch (error) {
    if (error instanceof InvalidConfigurationError) return error.problems;
    throw error;
  }
  return [];
}

describe('validateEnvironment', () => {
  it('should fall back to the local development services when nothing is set outside production', () => {
    const config = validateEnvironment({});

    expect(config).toMatchObject({ NODE_ENV: 'development', PORT: 3000, DATABASE_URL: expect.stringContaining(':5433/'), REDIS_URL: expect.stringContaining(':6380') });
  });

  it('should turn numeric variables into numbers when they are given as strings', () => {
    expect(validateEnvironment({ PORT: '8080', DATABASE_POOL_SIZE: '4' })).toMatchObject({ PORT: 8080, DATABASE_POOL_SIZE: 4 });
  });

  it('should name every bad variable in one error when several are wrong', () => {
    const problems = problemsOf({ PORT: 'eighty', LOG_LEVEL: 'loud', REDIS_URL: 'localhost:6379', TIME_ZONE: 'Mars/Olympus' });

    expect(problems.map((p) => p.split(' ')[0])).toEqual(['PORT', 'REDIS_URL', 'LOG_LEVEL', 'TIME_ZONE']);
  });

  it('should require the service URLs and the identity provider when running in production', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });

    expect(problems.map((p) => p.split(' ')[0])).toEqual(['DATABASE_URL', 'REDIS_URL', 'AUTH_JWKS_URL', 'AUTH_ISSUER', 'AUTH_AUDIENCE']);
  });

  it('should hide the password when it reports a bad database URL', () => {
    const [problem] = problemsOf({ DATABASE_URL: 'mysql://samla:hemligt@db/samla' });

    expect(problem).toContain('***');
    expect(problem).not.toContain('hemligt');
  });

  it('should allow the local front end and limit requests when running in development', () => {
    expect(validateEnvironment({})).toMatchObject({ CORS_ORIGINS: ['http://localhost:3000'], RATE_LIMIT_PER_MINUTE: 300 });
  });

  it('should allow no origin when running in production without CORS_ORIGINS', () => {
    const config = validateEnvironment({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://samla@db/samla',
      REDIS_URL: 'redis://redis:6379',
      AUTH_JWKS_URL: 'https://login.example.se/keys',
      AUTH_ISSUER: 'https://login.example.se',
      AUTH_AUDIENCE: 'samla-api',
    });

    expect(config.CORS_ORIGINS).toEqual([]);
  });

  it('should switch rate limiting off by default when running the tests', () => {
    expect(validateEnvironment({ NODE_ENV: 'test' }).RATE_LIMIT_PER_MINUTE).toBe(0);
  });

  it('should read a comma-separated list of origins when CORS_ORIGINS is given', () => {
    const config = validateEnvironment({ CORS_ORIGINS: 'https://samla.trollhattan.se, http://localhost:5173' });

    expect(config.CORS_ORIGINS).toEqual(['https://samla.trollhattan.se', 'http://localhost:5173']);
  });

  it('should refuse an origin with a path or trailing slash, and a negative limit', () => {
    const problems = problemsOf({ CORS_ORIGINS: 'https://samla.trollhattan.se/', RATE_LIMIT_PER_MINUTE: '-1' });

    expect(problems.map((p) => p.split(' ')[0])).toEqual(['RATE_LIMIT_PER_MINUTE', 'CORS_ORIGINS']);
  });
});
