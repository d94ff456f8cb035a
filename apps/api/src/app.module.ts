import { Module, type DynamicModule } from '@nestjs/common';
import { AlertsModule } from '#alerts';
import { CommonModule, HealthModule, LoggingModule, RateLimitModule, RedisModule, UnmatchedRoutesModule } from '#common';
import { DatabaseModule } from '#database';
import { FollowUpModule } from '#follow-up';
import { FundingModule } from '#funding';
import { GoalsModule } from '#goals';
import { AuditModule, IdentityModule } from '#identity';
import { IntegrationModule } from '#integration';
import { JobsModule } from '#jobs';
import { PortfolioModule } from '#portfolio';
import { PortfolioReviewModule } from '#portfolio-review';
import { ReferenceDataModule } from '#reference-data';
import { ResultsModule } from '#results';

/** The HTTP app only wires modules; each bounded context brings its own controllers. */
@Module({})
export class AppModule {
  static forRoot(): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CommonModule.forRoot(),
        LoggingModule,
        DatabaseModule,
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
        ResultsModule,
        FollowUpModule,
        PortfolioReviewModule,
        IntegrationModule,
        // Last: its guard must run after identity's, to count per verified user rather than per IP address.
        RateLimitModule,
        UnmatchedRoutesModule,
      ],
    };
  }
}
