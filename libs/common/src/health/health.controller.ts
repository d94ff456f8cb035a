import { Controller, Get, HttpStatus, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator, type HealthCheckResult } from '@nestjs/terminus';
import type { Redis } from 'ioredis';
import { DomainException, PROBLEM_CONTENT_TYPE, ProblemDetailsDto } from '../problem-details/problem.js';
import { Public } from '../http/public.decorator.js';
import { REDIS_CLIENT } from '../redis/redis.module.js';

const CHECK_TIMEOUT_MS = 1500;

/** Readiness as problem+json like every other error, naming what is down so the operator knows where to look. */
class NotReadyProblem extends DomainException {
  constructor(result: HealthCheckResult) {
    const down = Object.keys(result.error ?? {});
    super(HttpStatus.SERVICE_UNAVAILABLE, '/problems/not-ready', 'Not ready', `Not ready: ${down.join(' and ')} ${down.length === 1 ? 'is' : 'are'} down.`, {
      checks: result.details,
    });
  }
}

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'The process is up (no dependencies checked)' })
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @ApiOperation({ summary: 'PostgreSQL and Redis answer; 503 names the one that does not' })
  @HealthCheck()
  @ApiOkResponse({ description: 'Both answer' })
  @ApiServiceUnavailableResponse({
    description: 'Not ready: the detail names what is down; `checks` holds each dependency',
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDetailsDto) } } },
  })
  async ready() {
    try {
      return await this.health.check([() => this.database.pingCheck('database', { timeout: CHECK_TIMEOUT_MS }), () => this.pingRedis()]);
    } catch (error) {
      if (error instanceof ServiceUnavailableException) throw new NotReadyProblem(error.getResponse() as HealthCheckResult);
      throw error;
    }
  }

  private async pingRedis() {
    const indicator = this.indicators.check('redis');
    try {
      const reply = await Promise.race([
        this.redis.ping(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS).unref()),
      ]);
      return reply === 'PONG' ? indicator.up() : indicator.down({ message: `unexpected reply ${reply}` });
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
