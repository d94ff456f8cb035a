import { Module, type DynamicModule } from '@nestjs/common';
import { AlertsModule } from '#alerts';
import {
  CommonModule,
  HealthModule,
  LoggingModule,
  RateLimitModule,
  RedisModule,
  UnmatchedRoutesModule,
  WebAppModule,
  webAppDirectory,
} from '#common';
import { DatabaseModule } from '#database';
import { ENTITIES } from '#schema';
import { FollowUpModule } from '#follow-up';
import { FundingModule } from '#funding';
import { GoalsModule } from '#goals';
import { AuditModule, IdentityModule } from '#identity';
import { InitiativeImportModule } from '#initiative-import';
import { IntegrationModule } from '#integration';
import { JobsModule } from '#jobs';
import { QueueDashboardModule } from '#queue';
import { PortfolioModule } from '#portfolio';
import { PortfolioReviewModule } from '#portfolio-review';
import { ReferenceDataModule } from '#reference-data';
import { ResultsModule } from '#results';

/** Where `npm run web:build` puts the web app: dist/apps/web in the project, from apps/api/src or dist/apps/api/src. */
export const WEB_APP_DIR = webAppDirectory(import.meta.url);

/** The HTTP app only wires modules; each bounded context brings its own controllers. */
@Module({})
export class AppModule {
  /** `webAppDir`: the built web app to serve on `/` (tests point it elsewhere). */
  static forRoot(options: { webAppDir?: string } = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CommonModule.forRoot(),
        LoggingModule,
        DatabaseModule.forRoot(ENTITIES),
        RedisModule,
        // Redis only queues jobs for the API: while it is down everything but job triggers keeps working.
        HealthModule.forRoot({ required: ['database'] }),
        IdentityModule,
        AuditModule,
        ReferenceDataModule,
        GoalsModule,
        PortfolioModule,
        FundingModule,
        AlertsModule,
        JobsModule,
        QueueDashboardModule,
        ResultsModule,
        FollowUpModule,
        PortfolioReviewModule,
        IntegrationModule,
        InitiativeImportModule,
        // Last: its guard must run after identity's, to count per verified user rather than per IP address.
        RateLimitModule,
        // The web app on the same origin: its files, and index.html for its pages (every GET outside /api and /health).
        WebAppModule.forRoot({ rootPath: options.webAppDir ?? WEB_APP_DIR }),
        UnmatchedRoutesModule,
      ],
    };
  }
}
