import type { ConfigService } from '@nestjs/config';
import { pinoHttp, type Options } from 'pino-http';
import type { DestinationStream } from 'pino';
import type { AppConfig } from '../config/environment.js';
import { loggerParams } from './logging.module.js';

function logOnce(env: Partial<AppConfig>): string[] {
  const lines: string[] = [];
  const config = { get: (key: keyof AppConfig) => env[key] } as ConfigService<AppConfig, true>;
  const [options, destination] = loggerParams(config, { write: (text: string) => lines.push(text) }).pinoHttp as [
    Options,
    DestinationStream,
  ];
  pinoHttp(options, destination).logger.info('Samla API listening');
  return lines;
}

describe('loggerParams', () => {
  it('should write a line of text when NODE_ENV is development', () => {
    expect(logOnce({ NODE_ENV: 'development', LOG_LEVEL: 'info' })).toEqual([
      expect.stringMatching(/^\d\d:\d\d:\d\d INFO Samla API listening\n$/),
    ]);
  });

  it.each(['production', 'test'] as const)('should write JSON when NODE_ENV is %s', (environment) => {
    const [line] = logOnce({ NODE_ENV: environment, LOG_LEVEL: 'info' });

    expect(JSON.parse(line)).toMatchObject({ level: 30, msg: 'Samla API listening', pid: process.pid });
  });
});
