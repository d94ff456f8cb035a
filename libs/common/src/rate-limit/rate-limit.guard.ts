import { HttpStatus, Inject, Injectable, Logger, type CanActivate, type ExecutionContext, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Request, Response } from 'express';
import type { Redis } from 'ioredis';
import { once } from 'node:events';
import type { AppConfig } from '../config/environment.js';
import { HealthController } from '../health/health.controller.js';
import { DomainException } from '../problem-details/problem.js';
import { REDIS_CLIENT } from '../redis/redis.module.js';
import { RateLimitCounter } from './rate-limit.counter.js';

const WINDOW_MS = 60_000;
const REDIS_READY_WAIT_MS = 2_000;

export class TooManyRequestsProblem extends DomainException {
  constructor(limit: number, retryAfterSeconds: number) {
    super(
      HttpStatus.TOO_MANY_REQUESTS,
      '/problems/rate-limited',
      'Too many requests',
      `More than ${limit} requests a minute; try again in ${retryAfterSeconds} seconds (Retry-After).`,
    );
  }
}

/** What identity's guard leaves on the request; common cannot import identity, which depends on it. */
type RequestWithActor = Request & { actor?: { kind: string; id: string } };

/**
 * RATE_LIMIT_PER_MINUTE requests per user or API key across all endpoints, counted in Redis so the limit holds
 * over every replica. Per identity, not per address: a municipality's staff share a few outgoing IP addresses.
 * It runs after identity's global guard (RateLimitModule is imported after IdentityModule), so request.actor is
 * verified by then; only public endpoints count per IP address. Health checks are never limited: a load balancer
 * probing them must not be told to back off.
 */
@Injectable()
export class RateLimitGuard implements CanActivate, OnModuleInit {
  private readonly logger = new Logger('RateLimit');
  private readonly limit: number;
  private readonly counter: RateLimitCounter;

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    config: ConfigService<AppConfig, true>,
  ) {
    this.limit = config.get('RATE_LIMIT_PER_MINUTE', { infer: true });
    this.counter = new RateLimitCounter(redis, config.get('RATE_LIMIT_KEY_PREFIX', { infer: true }));
  }

  /** The shared client does not queue commands while it connects; without this the first requests go uncounted. */
  async onModuleInit() {
    if (this.limit === 0 || this.redis.status === 'ready') return;
    await once(this.redis, 'ready', { signal: AbortSignal.timeout(REDIS_READY_WAIT_MS) }).catch(() => undefined);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.limit === 0 || context.getClass() === HealthController) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<RequestWithActor>();
    const response = http.getResponse<Response>();
    const actor = request.actor;
    const caller = actor ? `${actor.kind}:${actor.id}` : `ip:${request.ip}`;
    let hit;
    try {
      hit = await this.counter.hit(caller, WINDOW_MS);
    } catch (error) {
      // The limit protects capacity; it is not an access control. While Redis is down (readiness says so) the API
      // keeps answering rather than refusing everybody.
      this.logger.warn({ err: error }, 'Rate limit not applied: Redis did not answer');
      return true;
    }
    const resetSeconds = Math.ceil(hit.resetsInMs / 1000);
    response.setHeader('X-RateLimit-Limit', this.limit);
    response.setHeader('X-RateLimit-Remaining', Math.max(this.limit - hit.hits, 0));
    response.setHeader('X-RateLimit-Reset', resetSeconds);
    if (hit.hits > this.limit) {
      response.setHeader('Retry-After', resetSeconds);
      throw new TooManyRequestsProblem(this.limit, resetSeconds);
    }
    return true;
  }
}
