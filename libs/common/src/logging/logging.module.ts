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
  if (config.get('NODE_ENV', { infer: true }) === 'development')
    return { pinoHttp: [pinoHttpOptions(level, 'line'), lineDestination(out)] };
  return { pinoHttp: out ? [pinoHttpOptions(level), out] : pinoHttpOptions(level) };
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
