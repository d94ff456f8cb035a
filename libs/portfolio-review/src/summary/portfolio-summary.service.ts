import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ALERT_SEVERITIES } from '#alerts';
import { Clock, FUNDING_SOURCE_TYPES, queryTwoInSnapshot, SnapshotCache, type AppConfig } from '#common';
import type { PortfolioSummaryDto, PortfolioSummaryQueryDto } from './portfolio-summary.dto.js';
import { buildPortfolioSummarySql, buildSummaryCliffSql } from './portfolio-summary.sql.js';

@Injectable()
export class PortfolioSummaryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly cache: SnapshotCache,
  ) {}

  /**
   * Two statements in one read-only snapshot: the summary, and the funding cliff of the next budget year, at once on
   * two connections when the pool has one free (queryTwoInSnapshot; each takes 20–40 ms at 20,000 initiatives).
   * Served from the snapshot cache while nothing has been committed since (bench/README.md, "Portfolio review").
   */
  async summary(filters: PortfolioSummaryQueryDto): Promise<PortfolioSummaryDto> {
    const today = this.clock.today();
    const nextYear = Number(today.slice(0, 4)) + 1;
    const main = buildPortfolioSummarySql(
      filters,
      today,
      this.config.get('TIME_ZONE', { infer: true }),
      FUNDING_SOURCE_TYPES,
      ALERT_SEVERITIES,
    );
    const cliff = buildSummaryCliffSql(filters, nextYear);
    return this.dataSource.transaction('REPEATABLE READ', (em) =>
      this.cache.read(em, 'portfolio-summary', { filters, today }, async () => {
        const [{ summary }, { cliff: fundingCliff }] = await queryTwoInSnapshot(this.dataSource, em, main, cliff);
        return { ...summary, fundingCliff };
      }),
    );
  }
}
