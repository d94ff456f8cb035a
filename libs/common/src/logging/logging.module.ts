import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { LoggerModule, type Params } from 'nestjs-pino';
import type { AppConfig } from '../config/environment.js';
import { StoredHeadersGuard } from '../personal-data/stored-headers.guard.js';
import { lineDestination, pinoHttpOptions, type LogOutput } from './pino-http.options.js';

/**
 * Development (the demo) logs a short line of text a request, so a terminal stays readable; production and tests
 * log a JSON object a line. `out` replaces standard output (tests read the log through it).
 */
export function loggerParams(config: ConfigService<AppConfig, true>, out?: LogOutput): Params {
  const level = config.get('LOG_LEVEL', { infer: true });
  const pinoHttp: Params['pinoHttp'] =
    config.get('NODE_ENV', { infer: true }) === 'development'
      ? [pinoHttpOptions(level, 'line'), lineDestination(out)]
      : out
        ? [pinoHttpOptions(level), out]
        : pinoHttpOptions(level);
  // Nothing is written at `silent`, so no request gets a logger: pino-http's child loggers and nestjs-pino's
  // AsyncLocalStorage (whose promise hooks run on every await of every request) cost about 3 % of a list request's
  // CPU for nothing. The request id comes from requestIdMiddleware either way; other logs go to the root logger.
  return level === 'silent' ? { pinoHttp, forRoutes: [] } : { pinoHttp };
}

/** Request logging, and the guard over the request id it takes from the caller (stored in every line and the audit trail). */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => loggerParams(config),
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: StoredHeadersGuard }],
})
export class LoggingModule {}
