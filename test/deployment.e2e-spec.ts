import { readFileSync } from 'node:fs';
import { validateEnvironment } from '#common';

// No Docker engine runs here, so the compose file is read rather than run: the API's and the worker's environment
// in it must pass the production configuration check, or `docker compose up` boots two processes that exit at once.
const COMPOSE = readFileSync(new URL('../docker-compose.yml', import.meta.url), 'utf8');

/** The `x-samla-env` block as compose would pass it when every `${NAME…}` is set to a plausible value. */
function composeEnvironment(values: Record<string, string>): Record<string, string> {
  const block = /^x-samla-env: &samla-env\n((?: {2}.+\n)+)/m.exec(COMPOSE)?.[1] ?? '';
  const env: Record<string, string> = {};
  for (const [, name, raw] of block.matchAll(/^ {2}(\w+): (.*)$/gm)) {
    const unquoted = raw.replace(/^"(.*)"$/, '$1');
    env[name] = unquoted.replace(/\$\{(\w+)(?::[-?][^}]*)?\}/g, (_, variable: string) => values[variable] ?? '');
  }
  return env;
}

const OPERATOR_SETS = {
  SAMLA_APP_PASSWORD: 'app-secret',
  AUTH_JWKS_URL: 'https://login.example.se/tenant/discovery/v2.0/keys',
  AUTH_ISSUER: 'https://login.example.se/tenant/v2.0',
  AUTH_AUDIENCE: 'samla-api',
  SMTP_URL: 'smtp://relay.example.se:587',
  PUBLIC_URL: 'https://samla.example.se',
  MUNICIPALITY_NAME: 'Exempelby kommun',
  OIDC_CLIENT_ID: 'samla-web',
  OIDC_SCOPES: 'openid profile offline_access api://samla-api/access_as_user',
};

describe('docker-compose.yml', () => {
  it('should hand API and worker a configuration that passes the production check when .env sets what .env.example asks for', () => {
    const env = composeEnvironment(OPERATOR_SETS);

    expect(env.NODE_ENV).toBe('production');
    expect(() => validateEnvironment(env)).not.toThrow();
  });

  it('should connect API and worker as the application role, never as the owner or the superuser', () => {
    expect(composeEnvironment(OPERATOR_SETS).DATABASE_URL).toMatch(/^postgres:\/\/samla_app:/);
  });

  it('should name in .env.example every variable the compose file requires', () => {
    const required = [...COMPOSE.matchAll(/\$\{(\w+):\?/g)].map(([, name]) => name);
    const example = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');

    expect(required.filter((name) => !new RegExp(`^${name}=`, 'm').test(example))).toEqual([]);
  });
});
