import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { plainToInstance, Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  validateSync,
} from 'class-validator';

/** Defaults that match scripts/services.sh, so a developer needs no .env file. Production has none. */
const DEVELOPMENT_DEFAULTS: Record<string, string> = {
  DATABASE_URL: 'postgres://samla:samla@127.0.0.1:5433/samla',
  REDIS_URL: 'redis://127.0.0.1:6380',
  CORS_ORIGINS: 'http://localhost:3000',
  LEADERSHIP_EMAILS: 'ledningsgruppen@trollhattan.se',
  PUBLIC_URL: 'http://localhost:3000',
  MUNICIPALITY_NAME: 'Trollhättans Stad',
  OIDC_CLIENT_ID: 'samla-web',
  OIDC_SCOPES: 'openid profile offline_access',
};

/**
 * Test files run in parallel against one Redis as the same few test users, all from one loopback address: a shared
 * limit would make them fail one another. The rate-limit tests set their own limits and key prefix.
 */
// Queues of their own per Jest process, so a test's worker never takes a running demo's (or another file's) jobs.
// Scans in tests mail nobody but the people their own data names, and never into the work tree (the notification
// tests set the leadership group and the mail server they listen on).
const TEST_DEFAULTS: Record<string, string> = {
  RATE_LIMIT_PER_MINUTE: '0',
  AUTH_FAILURE_LIMIT_PER_MINUTE: '0',
  QUEUE_PREFIX: `samla-test-${process.pid}`,
  LEADERSHIP_EMAILS: '',
  MAIL_DROP_DIR: join(tmpdir(), 'samla-test-mail'),
};

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item.length > 0)
    : value;
// OAuth scopes are separated by spaces (RFC 6749 §3.3); commas are read too, as in the other lists.
const toScopes = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(/[\s,]+/).filter((item) => item.length > 0) : value;
const toIntList = (params: { value: unknown }) => {
  const list = toList(params);
  return Array.isArray(list) ? list.map(Number) : list;
};
// What a browser sends in Origin: scheme, host and port, no path and no trailing slash (which would never match).
const ORIGIN = /^https?:\/\/[^\s/?#]+$/;
const URL_OPTIONS = { require_tld: false, require_protocol: true };
// A mailbox as a From header takes it: `Name <address>` or a bare address.
const MAILBOX = /^(?:[^<>@\r\n]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/;

/**
 * Every environment variable Samla reads, with its default and meaning. The table in docs/operations.md
 * (Configuration) is written from this class; keep the two together.
 */
export class EnvironmentVariables {
  /** `development`, `test` or `production`. Production has no default URLs. */
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  /** HTTP port of the API. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  /** Port of the worker's health endpoint (the worker serves nothing else over HTTP). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  WORKER_HEALTH_PORT = 3001;

  /** PostgreSQL connection string. */
  @IsUrl({ ...URL_OPTIONS, protocols: ['postgres', 'postgresql'] })
  DATABASE_URL: string;

  /** Size of each process's PostgreSQL connection pool. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  /** Redis connection string (BullMQ queues; readiness). */
  @IsUrl({ ...URL_OPTIONS, protocols: ['redis', 'rediss'] })
  REDIS_URL: string;

  /**
   * Prefix of the BullMQ queues' Redis keys, and of the snapshot cache's and the queue dashboard's sessions. Deployments
   * (and test files) sharing one Redis need different ones, or their workers take one another's jobs.
   */
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,50}$/, { message: 'QUEUE_PREFIX must be 1–50 letters, digits, _ or -' })
  QUEUE_PREFIX = 'samla';

  /** How many jobs one worker process runs at once. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  WORKER_CONCURRENCY = 2;

  /**
   * How long a stopping worker lets running jobs finish (ms). A job still running then is left to BullMQ's
   * stalled-job recovery: another worker (or this one, restarted) runs it again.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(600_000)
  SHUTDOWN_TIMEOUT_MS = 10_000;

  /**
   * How long a running job's lock in Redis lasts without renewal (ms; the worker renews it at half that). A job
   * whose worker died (SIGKILL, lost host) is taken again only once its lock has run out. BullMQ's default.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1_000)
  @Max(600_000)
  WORKER_LOCK_DURATION_MS = 30_000;

  /**
   * How often a worker looks for stalled jobs (ms): running jobs whose lock ran out, which it hands to a worker
   * again. A dead worker's job thus restarts within about the lock duration plus two of these. BullMQ's default.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1_000)
  @Max(600_000)
  WORKER_STALLED_INTERVAL_MS = 30_000;

  /** pino log level. */
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Time zone in which "today" is decided for every date rule. */
  @IsString()
  @IsOptional()
  TIME_ZONE = 'Europe/Stockholm';

  /**
   * The identity provider's JWKS (e.g. Entra ID's `https://login.microsoftonline.com/<tenant>/discovery/v2.0/keys`).
   * Unset outside production: the API is its own issuer (`npm run token`). Required in production.
   */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  AUTH_JWKS_URL?: string;

  /** The `iss` every token must carry. */
  @IsString()
  AUTH_ISSUER = 'samla-dev-issuer';

  /** The `aud` every token must carry (the API's app id at the provider). */
  @IsString()
  AUTH_AUDIENCE = 'samla-api';

  /** Claim with the user's stable id. */
  @IsString()
  AUTH_CLAIM_USER_ID = 'sub';

  /** Claim with the user's display name. */
  @IsString()
  AUTH_CLAIM_NAME = 'name';

  /** Claim with the user's work e-mail. */
  @IsString()
  AUTH_CLAIM_EMAIL = 'email';

  /** Claim with the user's roles (Entra ID puts app roles in `roles`). */
  @IsString()
  AUTH_CLAIM_ROLES = 'roles';

  /** Claim with the user's department code; when absent, the department an admin mapped the user to in Samla. */
  @IsString()
  AUTH_CLAIM_DEPARTMENT = 'department';

  /** Where the development issuer keeps its signing key (created on first use; never used in production). */
  @IsString()
  DEV_ISSUER_KEY_FILE = '.data/dev-issuer-key.json';

  /**
   * Where people's browsers reach Samla: scheme, host and optional port, no path (the web app on `/`, the API under
   * `/api`). The development issuer names itself after it (`<PUBLIC_URL>/api/v1/dev-oidc`) and sends a sign-in back
   * only to it or to CORS_ORIGINS. Default `http://localhost:3000` outside production; not needed in production.
   */
  @IsOptional()
  @Matches(ORIGIN, {
    message:
      'PUBLIC_URL must be an origin like https://samla.example.se (scheme, host, optional port; no path or trailing slash)',
  })
  PUBLIC_URL?: string;

  /**
   * The municipality Samla serves, as the web app names it (`GET /api/v1/web-config`). Default `Trollhättans Stad`
   * (the demo's) outside production; required in production, where a wrong name would be worse than none.
   */
  @IsOptional()
  @IsString()
  @Matches(/^[^\p{Cc}]{1,100}$/u, { message: 'MUNICIPALITY_NAME must be 1–100 characters without control characters' })
  MUNICIPALITY_NAME: string;

  /**
   * The OpenID Connect provider the web app signs in with: its issuer URL, under which it publishes
   * `/.well-known/openid-configuration`. Default AUTH_ISSUER, which it is for Entra ID's v2 tokens. Only with
   * AUTH_JWKS_URL: without it the web app signs in with the development issuer.
   */
  @IsOptional()
  @IsUrl({ ...URL_OPTIONS, protocols: ['http', 'https'] })
  OIDC_AUTHORITY?: string;

  /** The web app's client id at the provider. `samla-web` outside production (the development issuer's one client); required in production. */
  @IsOptional()
  @Matches(/^[\x21-\x7e]{1,200}$/, { message: 'OIDC_CLIENT_ID must be 1–200 visible ASCII characters' })
  OIDC_CLIENT_ID: string;

  /**
   * The scopes the web app asks for, separated by spaces: `openid` and, for a provider that issues access tokens per
   * API as Entra ID does, the API's scope (`api://<client-id>/access_as_user`), or its access tokens are for another
   * API and Samla refuses them. Default `openid profile offline_access` outside production; required in production.
   */
  @IsOptional()
  @Transform(toScopes)
  @IsArray()
  @ArrayMaxSize(20)
  // RFC 6749 §3.3: a scope token is visible ASCII but `"` and `\`.
  @Matches(/^[\x21\x23-\x5b\x5d-\x7e]{1,200}$/, {
    each: true,
    message: 'OIDC_SCOPES must be scope names separated by spaces',
  })
  OIDC_SCOPES: string[];

  /**
   * Requests per minute that one user or API key may make (anonymous callers: per IP address), counted in Redis
   * so every API replica shares the count. 0 switches rate limiting off (e.g. behind a gateway that limits).
   * Default 300; 0 under NODE_ENV=test.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  RATE_LIMIT_PER_MINUTE = 300;

  /**
   * Refused sign-ins (a bearer token or API key that fails its check) per client address a minute, counted in Redis
   * so every replica shares the count; past it the address is answered 429, whatever it sends, until its minute is
   * over. A correctly signed token refused for its claims (expired, say) does not count: the identity provider issued
   * it. 0 switches it off. Default 30; 0 under NODE_ENV=test.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  AUTH_FAILURE_LIMIT_PER_MINUTE = 30;

  /** Prefix of the rate-limit counters' Redis keys; deployments sharing one Redis need different prefixes. */
  @IsString()
  @Matches(/^\S{1,100}$/, { message: 'RATE_LIMIT_KEY_PREFIX must be 1–100 characters without spaces' })
  RATE_LIMIT_KEY_PREFIX = 'samla:rate-limit:';

  /**
   * Origins whose browser pages may call the API, comma-separated (`https://samla.trollhattan.se,https://…`).
   * Default none in production (no browser page on another origin may call it), `http://localhost:3000` otherwise.
   */
  @Transform(toList)
  @IsArray()
  @Matches(ORIGIN, {
    each: true,
    message:
      'CORS_ORIGINS must be origins like https://samla.example.se (scheme, host, optional port; no path or trailing slash)',
  })
  CORS_ORIGINS: string[] = [];

  /**
   * The grant alert ladder: days before a temporary grant ends at which its alert is raised as info, escalated to
   * warning and to critical (design: Alert). Three whole numbers, falling. Default `365,182,91`.
   */
  @Transform(toIntList)
  @IsArray()
  @ArrayMinSize(3)
  @ArrayMaxSize(3)
  @IsInt({ each: true, message: 'ALERT_LADDER_DAYS must be whole numbers of days' })
  @Min(0, { each: true })
  @Max(3650, { each: true })
  ALERT_LADDER_DAYS: number[] = [365, 182, 91];

  /**
   * Whole kronor below which an initiative's unfunded part of a year raises no `funding_gap` alert: a shortfall that
   * small is absorbed in the year's forecast, not a question for anyone's inbox. Default 10 000; 0 flags every gap.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(1_000_000_000_000)
  FUNDING_GAP_MIN_SEK = 10_000;

  /**
   * The overlap score (0..1) at or above which the weekly scan raises a `possible_overlap` alert for a pair not
   * reviewed since it last changed. Default 0.6: sharing every target group and district alone scores 0.4, so an
   * alert also needs similar text, shared outcomes or priority areas — a pair worth the leadership group's time.
   */
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsNumber({}, { message: 'OVERLAP_ALERT_MIN_SCORE must be a number between 0 and 1' })
  @Min(0)
  @Max(1)
  OVERLAP_ALERT_MIN_SCORE = 0.6;

  /**
   * The storage floor of the precomputed overlap pairs: candidates scoring below it are not kept, and the list refuses
   * a lower `minScore`. Default 0.4 — sharing every target group and district alone — measured on the 20,000-initiative
   * bench portfolio: of its 6.7 million candidates about 14 % score 0.3 or more (0.9 million pairs, nobody's reading
   * list) and 2 % score 0.4 or more. Below 0.4 a pair shares only part of its people and places and little else.
   */
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  @IsNumber({}, { message: 'OVERLAP_LIST_MIN_SCORE must be a number between 0 and 1' })
  @Min(0)
  @Max(1)
  OVERLAP_LIST_MIN_SCORE = 0.4;

  /**
   * How often the worker drains the overlap outbox, rescoring the initiatives changed since (ms). A change shows in
   * GET /portfolio/overlaps about this long after it commits; a drain with nothing noted costs one small query.
   */
  @Transform(toInt)
  @IsInt()
  @Min(500)
  @Max(3_600_000)
  OVERLAP_DRAIN_INTERVAL_MS = 10_000;

  /**
   * The mail server notices go out through: `smtp://user:password@host:587` (STARTTLS when the server offers it) or
   * `smtps://…:465`. Required in production. Unset elsewhere: each mail is written to MAIL_DROP_DIR instead.
   */
  @IsOptional()
  @IsUrl({ ...URL_OPTIONS, protocols: ['smtp', 'smtps'] })
  SMTP_URL?: string;

  /** The sender of every notice. */
  @Matches(MAILBOX, { message: 'MAIL_FROM must be an address, or a name and an address: Samla <samla@example.se>' })
  MAIL_FROM = 'Samla <samla@trollhattan.se>';

  /**
   * Where mails are written as `<notice id>.eml` files when SMTP_URL is unset (development, the demo). Default
   * `.data/mail` (git-ignored); a folder under the system's temporary directory under NODE_ENV=test.
   */
  @IsString()
  MAIL_DROP_DIR = '.data/mail';

  /**
   * The leadership group's addresses, comma-separated: told of every critical alert, and sent the weekly digest.
   * Default none in production and under NODE_ENV=test; `ledningsgruppen@trollhattan.se` in development (the demo's).
   */
  @Transform(toList)
  @IsArray()
  @IsEmail({}, { each: true, message: 'LEADERSHIP_EMAILS must be e-mail addresses, comma-separated' })
  LEADERSHIP_EMAILS: string[] = [];

  /** Kolada's API v3, which the `kolada-import` job reads Kolada-sourced indicators from. */
  @IsUrl({ ...URL_OPTIONS, protocols: ['http', 'https'] })
  KOLADA_BASE_URL = 'https://api.kolada.se/v3';

  /** The municipality whose Kolada values are imported: Kolada's four-digit id (Trollhättan is 1488). */
  @Matches(/^\d{4}$/, { message: 'KOLADA_MUNICIPALITY_ID must be a four-digit Kolada municipality id such as 1488' })
  KOLADA_MUNICIPALITY_ID = '1488';

  /**
   * Whether webhook targets may resolve to private, loopback, link-local or unique-local addresses. Default false:
   * a subscription could otherwise make Samla call its own network (SSRF). Tests set it true for a receiver on loopback.
   */
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : value === true || value === 'true'))
  @IsBoolean()
  WEBHOOK_ALLOW_PRIVATE_TARGETS = false;

  /** How long one webhook POST may take before it counts as a failed attempt (ms). */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60_000)
  WEBHOOK_TIMEOUT_MS = 10_000;

  /**
   * Webhook retries: the first retry waits WEBHOOK_RETRY_BASE_MS, each next one twice as long up to
   * WEBHOOK_RETRY_MAX_DELAY_MS, and attempts stop once the waits add up to WEBHOOK_RETRY_WINDOW_MS. Defaults 30 s,
   * 1 h and 24 h: 31 attempts over a day.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  WEBHOOK_RETRY_BASE_MS = 30_000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  WEBHOOK_RETRY_MAX_DELAY_MS = 3_600_000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  WEBHOOK_RETRY_WINDOW_MS = 86_400_000;

  /** Failed webhook attempts in a row (a success resets the count) after which a subscription is paused and its owner told. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10_000)
  WEBHOOK_PAUSE_AFTER_FAILURES = 50;

  /** How often the worker turns new webhook events into deliveries (ms). */
  @Transform(toInt)
  @IsInt()
  @Min(50)
  @Max(600_000)
  WEBHOOK_FAN_OUT_INTERVAL_MS = 5_000;
}

export type AppConfig = EnvironmentVariables;

export class InvalidConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'InvalidConfigurationError';
  }
}

/**
 * Validates the environment once at boot. Throws one error naming every bad variable, so an operator fixes
 * them all in one go rather than one per restart.
 */
export function validateEnvironment(env: Record<string, unknown>): AppConfig {
  const production = env.NODE_ENV === 'production';
  const defaults = env.NODE_ENV === 'test' ? { ...DEVELOPMENT_DEFAULTS, ...TEST_DEFAULTS } : DEVELOPMENT_DEFAULTS;
  // An empty variable is an unset one (compose passes `${NAME:-}` through as ""); production has no defaults to fill in.
  const withDefaults = production ? stripEmpty(env) : { ...defaults, ...stripEmpty(env) };
  const config = plainToInstance(EnvironmentVariables, withDefaults, { exposeDefaultValues: true });
  const errors = validateSync(config, { skipMissingProperties: false, forbidUnknownValues: false });
  const problems = errors.map((e) => {
    const value = (withDefaults as Record<string, unknown>)[e.property];
    const shown = value === undefined ? 'missing' : `got ${JSON.stringify(redact(e.property, value))}`;
    return `${e.property} (${shown}): ${Object.values(e.constraints ?? {}).join(', ')}`;
  });
  if (typeof config.TIME_ZONE === 'string' && !isValidTimeZone(config.TIME_ZONE)) {
    problems.push(`TIME_ZONE (got "${config.TIME_ZONE}"): not an IANA time zone`);
  }
  const ladder = config.ALERT_LADDER_DAYS;
  if (Array.isArray(ladder) && ladder.some((days, i) => i > 0 && days >= ladder[i - 1])) {
    problems.push(`ALERT_LADDER_DAYS (got "${ladder.join(',')}"): must fall, info first, e.g. 365,182,91`);
  }
  if (Array.isArray(config.OIDC_SCOPES) && !config.OIDC_SCOPES.includes('openid')) {
    problems.push(
      `OIDC_SCOPES (got "${config.OIDC_SCOPES.join(' ')}"): must include openid, or the provider signs nobody in with OpenID Connect`,
    );
  }
  if (config.OIDC_AUTHORITY && !config.AUTH_JWKS_URL) {
    problems.push(
      "OIDC_AUTHORITY (set without AUTH_JWKS_URL): the API would refuse that provider's tokens; set AUTH_JWKS_URL too, or neither to sign in with the development issuer",
    );
  }
  if (production) {
    // Production verifies tokens against the real identity provider: nothing about it may come from a default.
    // Nor may what the web app signs in with, or the name it shows.
    for (const name of [
      'AUTH_JWKS_URL',
      'AUTH_ISSUER',
      'AUTH_AUDIENCE',
      'OIDC_CLIENT_ID',
      'OIDC_SCOPES',
      'MUNICIPALITY_NAME',
    ] as const) {
      if (!env[name]) problems.push(`${name} (missing): required in production`);
    }
    if (!env.OIDC_AUTHORITY && typeof env.AUTH_ISSUER === 'string' && !/^https?:\/\//.test(env.AUTH_ISSUER)) {
      problems.push('OIDC_AUTHORITY (missing): AUTH_ISSUER is no URL, so name the provider the web app signs in with');
    }
    // Without it notices would pile up as files on a server nobody reads.
    if (!env.SMTP_URL) problems.push('SMTP_URL (missing): required in production');
  }
  if (problems.length > 0) throw new InvalidConfigurationError(problems);
  return config;
}

function stripEmpty(env: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
}

function redact(name: string, value: unknown) {
  return /URL|SECRET|PASSWORD|KEY/.test(name) && typeof value === 'string'
    ? value.replace(/\/\/[^@/]*@/, '//***@')
    : value;
}

function isValidTimeZone(zone: string) {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
