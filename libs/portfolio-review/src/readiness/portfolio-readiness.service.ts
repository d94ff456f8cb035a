import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, type AppConfig } from '#common';
import type { PortfolioReadinessDto, PortfolioReadinessQueryDto } from './portfolio-readiness.dto.js';
import { buildPortfolioReadinessSql } from './portfolio-readiness.sql.js';

@Injectable()
export class PortfolioReadinessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  /** One statement: the page of initiatives with their checks, and the roll-ups by department and priority area. */
  async readiness(query: PortfolioReadinessQueryDto): Promise<PortfolioReadinessDto> {
    const { limit, offset, ...filters } = query;
    const { sql, params } = buildPortfolioReadinessSql(filters, { limit, offset }, this.clock.today(), this.config.get('TIME_ZONE', { infer: true }));
    const [{ readiness }] = await this.dataSource.query(sql, params);
    return readiness;
  }
}
