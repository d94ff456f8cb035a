import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from '../config/environment.js';
import { pinoHttpOptions } from './pino-http.options.js';

@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => ({ pinoHttp: pinoHttpOptions(config.get('LOG_LEVEL')) }),
    }),
  ],
})
export class LoggingModule {}
