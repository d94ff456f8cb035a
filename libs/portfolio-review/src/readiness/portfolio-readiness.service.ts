import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, queryOne, SnapshotCache, type AppConfig } from '#common';
import type { PortfolioReadinessDto, PortfolioReadinessQueryDto } from './portfolio-readiness.dto.js';
import { buildPortfolioReadinessSql } from './portfolio-readiness.sql.js';

@Injectable()
export class PortfolioReadinessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly cache: SnapshotCache,
  ) {}

  /**
   * One statement: the page of initiatives with their checks, and the roll-ups by department and priority area; served
   * from the snapshot cache while nothing has been committed since.
   */
  async readiness(query: PortfolioReadinessQueryDto): Promise<PortfolioReadinessDto> {
    const { limit, offset, ...filters } = query;
    const today = this.clock.today();
    const statement = buildPortfolioReadinessSql(
      filters,
      { limit, offset },
      today,
      this.config.get('TIME_ZONE', { infer: true }),
    );
    return this.dataSource.transaction('REPEATABLE READ', (em) =>
      this.cache.read(em, 'portfolio-readiness', { query, today }, async () => {
        const { readiness } = await queryOne(em, statement);
        return readiness;
      }),
    );
  }
}
