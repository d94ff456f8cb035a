import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { applyFindings, type ScanCounts } from '#alerts';
import type { AppConfig } from '#common';
import { OverlapRefreshService } from './overlap-refresh.service.js';
import { buildOverlapFindingsSql } from './overlaps.sql.js';

/**
 * The weekly `possible_overlap` scan. It lives here, not among #alerts' scans, because it reads the overlap builder
 * and #alerts must not import #portfolio-review. It drains the overlap outbox first (a step of the job, so the
 * week's last changes are scored); a pair at or above
 * OVERLAP_ALERT_MIN_SCORE that is not quiet raises one alert; it resolves when the pair gets a verdict, falls below the
 * score or stops being a candidate (an initiative closes).
 */
@Injectable()
export class OverlapScanService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly refresher: OverlapRefreshService,
  ) {}

  async run(asOf: string): Promise<ScanCounts> {
    await this.refresher.drain();
    const findings = buildOverlapFindingsSql(this.config.get('OVERLAP_ALERT_MIN_SCORE', { infer: true }));
    return this.dataSource.transaction((em) => applyFindings(em, 'possible_overlap', asOf, findings));
  }
}
