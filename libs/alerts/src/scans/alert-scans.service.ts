import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SCAN_NAMES, type AlertScan, type ScanCounts, type ScanName } from './alert-scan.js';
import { BaselineMissingScan } from './baseline-missing.scan.js';
import { DecisionFollowUpDueScan } from './decision-follow-up-due.scan.js';
import { FollowUpOverdueScan } from './follow-up-overdue.scan.js';
import { FollowUpPlanMissingScan } from './follow-up-plan-missing.scan.js';
import { FunderReportDueScan } from './funder-report-due.scan.js';
import { FundingGapScan } from './funding-gap.scan.js';
import { GrantExpiredInitiativeActiveScan } from './grant-expired-initiative-active.scan.js';
import { GrantExpiringScan } from './grant-expiring.scan.js';
import { OverspendingScan } from './overspending.scan.js';

/** Runs the scans; each in a transaction of its own, so one failing scan leaves the others' alerts in place. */
@Injectable()
export class AlertScansService {
  private readonly scans: ReadonlyMap<ScanName, AlertScan>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    grantExpiring: GrantExpiringScan,
    grantExpired: GrantExpiredInitiativeActiveScan,
    funderReportDue: FunderReportDueScan,
    fundingGap: FundingGapScan,
    followUpOverdue: FollowUpOverdueScan,
    followUpPlanMissing: FollowUpPlanMissingScan,
    baselineMissing: BaselineMissingScan,
    decisionFollowUpDue: DecisionFollowUpDueScan,
    overspending: OverspendingScan,
  ) {
    this.scans = new Map(
      [
        grantExpiring,
        grantExpired,
        funderReportDue,
        fundingGap,
        followUpOverdue,
        followUpPlanMissing,
        baselineMissing,
        decisionFollowUpDue,
        overspending,
      ].map((scan) => [scan.name, scan]),
    );
  }

  /** The scans that can run, in the order `runAll` runs them. */
  get names(): ScanName[] {
    return SCAN_NAMES.filter((name) => this.scans.has(name));
  }

  runScan(name: ScanName, asOf: string): Promise<ScanCounts> {
    const scan = this.scans.get(name);
    if (!scan) throw new Error(`No scan named ${name} is registered`);
    return this.dataSource.transaction((em) => scan.run(em, asOf));
  }

  async runAll(asOf: string): Promise<ScanCounts> {
    const total: ScanCounts = { raised: 0, escalated: 0, resolved: 0 };
    for (const name of this.names) {
      const counts = await this.runScan(name, asOf);
      total.raised += counts.raised;
      total.escalated += counts.escalated;
      total.resolved += counts.resolved;
    }
    return total;
  }
}
