import { Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HEALTH_OPTIONS, HealthController, type HealthOptions } from './health.controller.js';

/**
 * `/health/live` and `/health/ready`, served by the API and by the worker alike. Imported as is, every dependency
 * is required (the worker's case); `forRoot` names the ones a process cannot serve without.
 */
@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'json' })],
  controllers: [HealthController],
})
export class HealthModule {
  static forRoot(options: HealthOptions): DynamicModule {
    return { module: HealthModule, providers: [{ provide: HEALTH_OPTIONS, useValue: options }] };
  }
}
