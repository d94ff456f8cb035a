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
});
