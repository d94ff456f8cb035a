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

/** Every variable production requires, set. */
const PRODUCTION = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://samla@db/samla',
  REDIS_URL: 'redis://redis:6379',
  AUTH_JWKS_URL: 'https://login.example.se/keys',
  AUTH_ISSUER: 'https://login.example.se',
  AUTH_AUDIENCE: 'samla-api',
  OIDC_CLIENT_ID: 'samla-web',
  OIDC_SCOPES: 'openid api://samla-api/access_as_user',
  MUNICIPALITY_NAME: 'Exempelby kommun',
  SMTP_URL: 'smtp://relay.example.se:587',
};

describe('validateEnvironment', () => {
  it('should fall back to the local development services when nothing is set outside production', () => {
    const config = validateEnvironment({});

    expect(config).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      DATABASE_URL: expect.stringContaining(':5433/'),
      REDIS_URL: expect.stringContaining(':6380'),
    });
  });

  it('should turn numeric variables into numbers when they are given as strings', () => {
    expect(validateEnvironment({ PORT: '8080', DATABASE_POOL_SIZE: '4' })).toMatchObject({
      PORT: 8080,
      DATABASE_POOL_SIZE: 4,
    });
  });

  it('should name every bad variable in one error when several are wrong', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      REDIS_URL: 'localhost:6379',
      TIME_ZONE: 'Mars/Olympus',
    });

    expect(problems.map((p) => p.split(' ')[0])).toEqual(['PORT', 'REDIS_URL', 'LOG_LEVEL', 'TIME_ZONE']);
  });

  it('should require the service URLs, the identity provider and the mail server when running in production', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });

    expect(problems.map((p) => p.split(' ')[0])).toEqual([
      'DATABASE_URL',
      'REDIS_URL',
      'AUTH_JWKS_URL',
      'AUTH_ISSUER',
      'AUTH_AUDIENCE',
      'OIDC_CLIENT_ID',
      'OIDC_SCOPES',
      'MUNICIPALITY_NAME',
      'SMTP_URL',
    ]);
  });

  it('should hide the password when it reports a bad database URL', () => {
    const [problem] = problemsOf({ DATABASE_URL: 'mysql://samla:hemligt@db/samla' });

    expect(problem).toContain('***');
    expect(problem).not.toContain('hemligt');
  });

  it('should allow the local front end and limit requests when running in development', () => {
    expect(validateEnvironment({})).toMatchObject({
      CORS_ORIGINS: ['http://localhost:3000'],
      RATE_LIMIT_PER_MINUTE: 300,
      AUTH_FAILURE_LIMIT_PER_MINUTE: 30,
    });
  });

  it('should allow no origin when running in production without CORS_ORIGINS', () => {
    const config = validateEnvironment(PRODUCTION);

    expect(config.CORS_ORIGINS).toEqual([]);
    expect(config.LEADERSHIP_EMAILS).toEqual([]);
  });

  it('should take an empty variable for an unset one when running in production', () => {
    const config = validateEnvironment({
      ...PRODUCTION,
      OIDC_AUTHORITY: '',
      CORS_ORIGINS: '',
    });

    expect(config.OIDC_AUTHORITY).toBeUndefined();
    expect(config.CORS_ORIGINS).toEqual([]);
  });

  it('should switch rate limiting off by default when running the tests', () => {
    expect(validateEnvironment({ NODE_ENV: 'test' })).toMatchObject({
      RATE_LIMIT_PER_MINUTE: 0,
      AUTH_FAILURE_LIMIT_PER_MINUTE: 0,
    });
  });

  it('should read the limit on refused sign-ins when it is given, and refuse one that is no whole number', () => {
    expect(validateEnvironment({ AUTH_FAILURE_LIMIT_PER_MINUTE: '10' }).AUTH_FAILURE_LIMIT_PER_MINUTE).toBe(10);
    expect(problemsOf({ AUTH_FAILURE_LIMIT_PER_MINUTE: '2.5' }).map((p) => p.split(' ')[0])).toEqual([
      'AUTH_FAILURE_LIMIT_PER_MINUTE',
    ]);
  });

  it('should tell no leadership group and keep mail out of the work tree by default when running the tests', () => {
    expect(validateEnvironment({ NODE_ENV: 'test' })).toMatchObject({
      LEADERSHIP_EMAILS: [],
      MAIL_DROP_DIR: expect.stringContaining('samla-test-mail'),
    });
  });

  it('should read a comma-separated list of origins when CORS_ORIGINS is given', () => {
    const config = validateEnvironment({ CORS_ORIGINS: 'https://samla.trollhattan.se, http://localhost:5173' });

    expect(config.CORS_ORIGINS).toEqual(['https://samla.trollhattan.se', 'http://localhost:5173']);
  });

  it('should refuse an origin with a path or trailing slash, and a negative limit', () => {
    const problems = problemsOf({ CORS_ORIGINS: 'https://samla.trollhattan.se/', RATE_LIMIT_PER_MINUTE: '-1' });

    expect(problems.map((p) => p.split(' ')[0])).toEqual(['RATE_LIMIT_PER_MINUTE', 'CORS_ORIGINS']);
  });

  it('should drop mail into .data/mail and tell the demo leadership group when nothing is set in development', () => {
    expect(validateEnvironment({})).toMatchObject({
      MAIL_DROP_DIR: '.data/mail',
      MAIL_FROM: 'Samla <samla@trollhattan.se>',
      LEADERSHIP_EMAILS: ['ledningsgruppen@trollhattan.se'],
    });
  });

  it('should read the mail settings when they are given', () => {
    const config = validateEnvironment({
      SMTP_URL: 'smtps://samla:hemligt@smtp.example.se:465',
      MAIL_FROM: 'samla@example.se',
      LEADERSHIP_EMAILS: 'a@example.se, b@example.se',
    });

    expect(config).toMatchObject({
      SMTP_URL: 'smtps://samla:hemligt@smtp.example.se:465',
      MAIL_FROM: 'samla@example.se',
      LEADERSHIP_EMAILS: ['a@example.se', 'b@example.se'],
    });
  });

  it('should refuse a mail server that is not smtp or smtps, a sender that is no address and a leadership list with a name in it', () => {
    const problems = problemsOf({
      SMTP_URL: 'https://smtp.example.se',
      MAIL_FROM: 'Samla',
      LEADERSHIP_EMAILS: 'a@example.se,Ledningsgruppen',
    });

    expect(problems.map((p) => p.split(' ')[0])).toEqual(['SMTP_URL', 'MAIL_FROM', 'LEADERSHIP_EMAILS']);
  });

  it('should sign the web app in with the development issuer as Trollhättans Stad when nothing is set in development', () => {
    expect(validateEnvironment({})).toMatchObject({
      PUBLIC_URL: 'http://localhost:3000',
      MUNICIPALITY_NAME: 'Trollhättans Stad',
      OIDC_CLIENT_ID: 'samla-web',
      OIDC_SCOPES: ['openid', 'profile', 'offline_access'],
    });
    expect(validateEnvironment({}).OIDC_AUTHORITY).toBeUndefined();
  });

  it('should read the scopes separated by spaces when OIDC_SCOPES is given, as OAuth writes them', () => {
    const config = validateEnvironment({ OIDC_SCOPES: 'openid  profile offline_access api://7c1e/access_as_user' });

    expect(config.OIDC_SCOPES).toEqual(['openid', 'profile', 'offline_access', 'api://7c1e/access_as_user']);
  });

  it('should refuse scopes without openid, a public URL with a path and a provider without its JWKS', () => {
    const problems = problemsOf({
      OIDC_SCOPES: 'profile',
      PUBLIC_URL: 'http://localhost:3000/samla',
      OIDC_AUTHORITY: 'https://login.example.se',
    });

    expect(problems.map((p) => p.split(' ')[0])).toEqual(['PUBLIC_URL', 'OIDC_SCOPES', 'OIDC_AUTHORITY']);
  });

  it('should ask for the web app’s provider in production when AUTH_ISSUER is no URL to sign in at', () => {
    const problems = problemsOf({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://samla@db/samla',
      REDIS_URL: 'redis://redis:6379',
      AUTH_JWKS_URL: 'https://login.example.se/keys',
      AUTH_ISSUER: 'samla-issuer',
      AUTH_AUDIENCE: 'samla-api',
      OIDC_CLIENT_ID: 'samla-web',
      OIDC_SCOPES: 'openid',
      MUNICIPALITY_NAME: 'Exempelby kommun',
      SMTP_URL: 'smtp://relay.example.se:587',
    });

    expect(problems).toEqual([expect.stringMatching(/^OIDC_AUTHORITY \(missing\)/)]);
  });
});
