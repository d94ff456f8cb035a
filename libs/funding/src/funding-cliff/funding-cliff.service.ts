import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, queryOne } from '#common';
import type { FundingCliffDto, FundingCliffQueryDto } from './funding-cliff.dto.js';
import { FUNDING_CLIFF_SQL } from './funding-cliff.sql.js';

@Injectable()
export class FundingCliffService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** What stops being paid for month by month and per budget year, and what it costs to keep it. */
  async cliff(query: FundingCliffQueryDto): Promise<FundingCliffDto> {
    const from = query.from ?? this.clock.today().slice(0, 7);
    return queryOne(this.dataSource, FUNDING_CLIFF_SQL, [`${from}-01`, query.months]);
  }
}
