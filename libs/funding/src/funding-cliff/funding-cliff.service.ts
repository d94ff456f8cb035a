import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, queryOne, type Statement } from '#common';
import type { FundingCliffDto, FundingCliffQueryDto, FundingCliffTotalsDto } from './funding-cliff.dto.js';
import { FUNDING_CLIFF_SQL, FUNDING_CLIFF_TOTALS_SQL } from './funding-cliff.sql.js';

@Injectable()
export class FundingCliffService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** What stops being paid for month by month and per budget year, and what it costs to keep it. */
  cliff(query: FundingCliffQueryDto): Promise<FundingCliffDto> {
    return this.run(FUNDING_CLIFF_SQL, query);
  }

  /** The same figures without the initiatives and their lines. */
  totals(query: FundingCliffQueryDto): Promise<FundingCliffTotalsDto> {
    return this.run(FUNDING_CLIFF_TOTALS_SQL, query);
  }

  /** Runs one of the cliff's statements for the window asked for (default: from this month in the Clock's zone). */
  private run<Row>(sql: Statement<Row>, query: FundingCliffQueryDto): Promise<Row> {
    const from = query.from ?? this.clock.today().slice(0, 7);
    return queryOne(this.dataSource, sql, [`${from}-01`, query.months]);
  }
}
