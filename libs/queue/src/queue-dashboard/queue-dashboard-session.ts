import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Redis } from 'ioredis';
import { REDIS_CLIENT, type AppConfig } from '#common';

/** The dashboard's own path under /api/v1, and the only path its cookie is sent to. */
export const QUEUE_DASHBOARD_ROUTE = 'queues';
export const QUEUE_DASHBOARD_COOKIE = 'samla_queue_dashboard';
/** Long enough to look into a problem, short enough that a forgotten tab does not stay open for the day. */
export const QUEUE_DASHBOARD_SESSION_SECONDS = 15 * 60;

/**
 * The queue dashboard is a page of its own that the browser loads and that calls its own API, so it cannot send the
 * web app's bearer token. An admin's signed-in web app opens a session instead: a random id in Redis (every API
 * process sees it) that an HttpOnly, SameSite=Strict cookie on the dashboard's path carries. Its key is under the
 * deployment's QUEUE_PREFIX: deployments sharing one Redis (a municipality each) must not take each other's sessions.
 */
@Injectable()
export class QueueDashboardSessions {
  private readonly prefix: string;

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    config: ConfigService<AppConfig, true>,
  ) {
    this.prefix = `${config.get('QUEUE_PREFIX', { infer: true })}:queue-dashboard:`;
  }

  async open(actorId: string): Promise<string> {
    const id = randomBytes(32).toString('base64url');
    await this.redis.set(this.prefix + id, actorId, 'EX', QUEUE_DASHBOARD_SESSION_SECONDS);
    return id;
  }

  async isOpen(id: string | undefined): Promise<boolean> {
    if (!id || !/^[\w-]{43}$/.test(id)) return false;
    return (await this.redis.exists(this.prefix + id)) === 1;
  }
}

/** The session id in a Cookie header, if there is one. */
export function sessionIdFrom(cookieHeader: string | undefined): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === QUEUE_DASHBOARD_COOKIE) return value.join('=');
  }
  return undefined;
}
