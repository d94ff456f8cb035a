import { Inject, Injectable, Logger, type CanActivate, type ExecutionContext, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Request, Response } from 'express';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../config/environment.js';
import { HealthController } from '../health/health.controller.js';
import { TooManyRequestsProblem } from '../problem-details/problem.js';
import { REDIS_CLIENT } from '../redis/redis.module.js';
import { RateLimitCounter, untilReady, WINDOW_MS } from './rate-limit.counter.js';

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

  async onModuleInit() {
    if (this.limit > 0) await untilReady(this.redis);
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
      throw new TooManyRequestsProblem(
        `More than ${this.limit} requests a minute; try again in ${resetSeconds} seconds (Retry-After).`,
        resetSeconds,
      );
    }
    return true;
  }
}
