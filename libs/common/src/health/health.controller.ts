import { Controller, Get, HttpStatus, Inject, Optional, ServiceUnavailableException } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
  type HealthCheckResult,
} from '@nestjs/terminus';
import type { Redis } from 'ioredis';
import { DomainException, PROBLEM_CONTENT_TYPE, ProblemDetailsDto } from '../problem-details/problem.js';
import { Public } from '../http/public.decorator.js';
import { REDIS_CLIENT } from '../redis/redis.module.js';

const CHECK_TIMEOUT_MS = 1500;

export type Dependency = 'database' | 'redis';
/** Which dependencies the process cannot serve without; one that is down but not required only degrades it. */
export type HealthOptions = { required: readonly Dependency[] };
export const HEALTH_OPTIONS = Symbol('HEALTH_OPTIONS');
const EVERY_DEPENDENCY: HealthOptions = { required: ['database', 'redis'] };

/** Readiness as problem+json like every other error, naming what is down so the operator knows where to look. */
class NotReadyProblem extends DomainException {
  constructor(result: HealthCheckResult) {
    const down = Object.keys(result.error ?? {});
    super(
      HttpStatus.SERVICE_UNAVAILABLE,
      '/problems/not-ready',
      'Not ready',
      `Not ready: ${down.join(' and ')} ${down.length === 1 ? 'is' : 'are'} down.`,
      {
        checks: result.details,
      },
    );
  }
}

const PROBLEM = { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDetailsDto) } } };

/** Each dependency checked, by name (`database`, `redis`), with `status` and, when down, a `message`. */
const DEPENDENCIES = {
  type: 'object',
  additionalProperties: {
    type: 'object',
    required: ['status'],
    properties: { status: { type: 'string', enum: ['up', 'down'] }, message: { type: 'string' } },
    additionalProperties: true,
  },
};

/** Terminus's result. Documented here, not by @HealthCheck, whose 503 would be JSON: every error here is problem+json. */
const HEALTH_RESULT = {
  type: 'object',
  required: ['status', 'info', 'error', 'details'],
  properties: {
    status: {
      type: 'string',
      enum: ['ok', 'degraded', 'shutting_down'],
      description:
        '`degraded`: a dependency the process can serve without is down; `shutting_down` (readiness only): the process is stopping.',
    },
    info: { ...DEPENDENCIES, description: 'The dependencies that are up.' },
    error: { ...DEPENDENCIES, description: 'The dependencies that are down.' },
    details: { ...DEPENDENCIES, description: 'Every dependency checked.' },
  },
  example: {
    status: 'ok',
    info: { database: { status: 'up' }, redis: { status: 'up' } },
    error: {},
    details: { database: { status: 'up' }, redis: { status: 'up' } },
  },
};

@ApiTags('health')
@Public()
// StoredHeadersGuard checks every request, probes too: health's one refusal.
@ApiUnprocessableEntityResponse({
  description: 'X-Request-Id holds a personal identity or coordination number',
  content: PROBLEM,
})
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Optional() @Inject(HEALTH_OPTIONS) private readonly options: HealthOptions = EVERY_DEPENDENCY,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'The process is up (no dependencies checked)' })
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOkResponse({ description: 'Up; `info`, `error` and `details` are empty', schema: HEALTH_RESULT })
  @ApiServiceUnavailableResponse({ description: 'Shutting down', content: PROBLEM })
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @ApiOperation({
    summary: 'PostgreSQL and Redis answer; 503 names a required one that does not',
    description:
      'The API needs only PostgreSQL to serve: with Redis down it answers 200 with status `degraded` (job triggers answer 503 meanwhile). The worker needs both.',
  })
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOkResponse({
    description: 'Every required dependency answers; `status` is `degraded` when another does not',
    schema: HEALTH_RESULT,
  })
  @ApiServiceUnavailableResponse({
    description: 'Not ready: the detail names what is down; `checks` holds each dependency',
    content: PROBLEM,
  })
  async ready(): Promise<HealthCheckResult | (Omit<HealthCheckResult, 'status'> & { status: 'degraded' })> {
    const result = await this.health
      .check([() => this.database.pingCheck('database', { timeout: CHECK_TIMEOUT_MS }), () => this.pingRedis()])
      .catch((error: unknown) => {
        if (error instanceof ServiceUnavailableException) return error.getResponse() as HealthCheckResult;
        throw error;
      });
    const down = Object.keys(result.error ?? {});
    if (down.some((name) => this.options.required.includes(name as Dependency))) throw new NotReadyProblem(result);
    return down.length > 0 ? { ...result, status: 'degraded' } : result;
  }

  private async pingRedis() {
    const indicator = this.indicators.check('redis');
    try {
      const reply: string = await Promise.race([
        this.redis.ping(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS).unref()),
      ]);
      return reply === 'PONG' ? indicator.up() : indicator.down({ message: `unexpected reply ${reply}` });
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
