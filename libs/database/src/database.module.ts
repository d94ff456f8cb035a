import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '#common';
import { dataSourceOptions } from './data-source-options.js';

@Module({})
export class DatabaseModule {
  /** The connection, with the entities the app gives it (#schema's ENTITIES: every context's). */
  static forRoot(entities: DataSourceOptions['entities']): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService<AppConfig, true>) => ({
            ...dataSourceOptions(
              { DATABASE_URL: config.get('DATABASE_URL'), DATABASE_POOL_SIZE: config.get('DATABASE_POOL_SIZE') },
              entities,
            ),
            // Retrying hides a wrong URL at boot; readiness reports a database that goes away later.
            retryAttempts: 2,
            retryDelay: 1000,
          }),
        }),
      ],
    };
  }
}
