import { Module } from '@nestjs/common';
import { AlertNoticesService } from '../notices/alert-notices.service.js';
import { AlertScansService } from './alert-scans.service.js';
import { BaselineMissingScan } from './baseline-missing.scan.js';
import { DecisionFollowUpDueScan } from './decision-follow-up-due.scan.js';
import { FollowUpOverdueScan } from './follow-up-overdue.scan.js';
import { FollowUpPlanMissingScan } from './follow-up-plan-missing.scan.js';
import { FunderReportDueScan } from './funder-report-due.scan.js';
import { FundingGapScan } from './funding-gap.scan.js';
import { GrantExpiredInitiativeActiveScan } from './grant-expired-initiative-active.scan.js';
import { GrantExpiringScan } from './grant-expiring.scan.js';
import { OverspendingScan } from './overspending.scan.js';

/** The scans and the notices they lead to, without the HTTP side, for the worker. */
@Module({
  providers: [
    GrantExpiringScan,
    GrantExpiredInitiativeActiveScan,
    FunderReportDueScan,
    FundingGapScan,
    FollowUpOverdueScan,
    FollowUpPlanMissingScan,
    BaselineMissingScan,
    DecisionFollowUpDueScan,
    OverspendingScan,
    AlertScansService,
    AlertNoticesService,
  ],
  exports: [AlertScansService, AlertNoticesService],
})
export class AlertScansModule {}
