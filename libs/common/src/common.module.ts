import { Global, Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { validateEnvironment } from './config/environment.js';
import { Clock } from './time/clock.js';

/** Validated configuration and the clock, global so every context can inject them. */
@Global()
@Module({})
export class CommonModule {
  /**
   * A function, not a static import list: the environment is read when the app is assembled, not when this file
   * is first imported (tests point DATABASE_URL at their own database before assembling the app).
   */
  static forRoot(): DynamicModule {
    return {
      module: CommonModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, cache: true, validate: validateEnvironment, ignoreEnvFile: true }),
      ],
      providers: [Clock],
      exports: [Clock],
    };
  }
}
