import { Module } from '@nestjs/common';
import { AlertScansService } from './alert-scans.service.js';
import { FunderReportDueScan } from './funder-report-due.scan.js';
import { FundingGapScan } from './funding-gap.scan.js';
import { GrantExpiredInitiativeActiveScan } from './grant-expired-initiative-active.scan.js';
import { GrantExpiringScan } from './grant-expiring.scan.js';

/** The scans without the HTTP side, for the worker. */
@Module({
  providers: [GrantExpiringScan, GrantExpiredInitiativeActiveScan, FunderReportDueScan, FundingGapScan, AlertScansService],
  exports: [AlertScansService],
})
export class AlertScansModule {}
