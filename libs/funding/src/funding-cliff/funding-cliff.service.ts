import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, queryOne, queryTwoInSnapshot, type Page, type PageWindow, type Statement } from '#common';
import type {
  CliffEarlierQueryDto,
  CliffInitiativeDto,
  FundingCliffDto,
  FundingCliffQueryDto,
  FundingCliffTotalsDto,
} from './funding-cliff.dto.js';
import {
  FUNDING_CLIFF_EARLIER_PAGE_SQL,
  FUNDING_CLIFF_EARLIER_TOTALS_SQL,
  FUNDING_CLIFF_MONTH_PAGE_SQL,
  FUNDING_CLIFF_SQL,
  FUNDING_CLIFF_WINDOW_TOTALS_SQL,
} from './funding-cliff.sql.js';

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

  /**
   * The same figures without the initiatives and their lines: the window's and the earlier cliffs' in two statements
   * at once, in one snapshot (queryTwoInSnapshot), as each reads its own lines (at 20,000 initiatives the one statement
   * that read both took about the sum of the two).
   */
  totals(query: FundingCliffQueryDto): Promise<FundingCliffTotalsDto> {
    const firstDay = `${this.firstMonth(query)}-01`;
    return this.dataSource.transaction('REPEATABLE READ', async (em) => {
      const [window, { endedEarlier }] = await queryTwoInSnapshot(
        this.dataSource,
        em,
        { ...FUNDING_CLIFF_WINDOW_TOTALS_SQL, params: [firstDay, query.months] },
        { ...FUNDING_CLIFF_EARLIER_TOTALS_SQL, params: [firstDay] },
      );
      return { ...window, endedEarlier };
    });
  }

  /** A page of one month's initiatives (`month` YYYY-MM), as the report lists them in any window holding it. */
  monthInitiatives(month: string, page: PageWindow): Promise<Page<CliffInitiativeDto>> {
    return this.page(FUNDING_CLIFF_MONTH_PAGE_SQL, `${month}-01`, page);
  }

  /** A page of the open cliffs before the window, as the report's endedEarlier lists them. */
  earlierInitiatives(query: CliffEarlierQueryDto): Promise<Page<CliffInitiativeDto>> {
    return this.page(FUNDING_CLIFF_EARLIER_PAGE_SQL, `${this.firstMonth(query)}-01`, query);
  }

  /** Runs a listing's statement for one page: `$1` the first day it is counted from, `$2` and `$3` the window. */
  private async page(
    sql: typeof FUNDING_CLIFF_MONTH_PAGE_SQL,
    firstDay: string,
    { limit, offset }: PageWindow,
  ): Promise<Page<CliffInitiativeDto>> {
    const { items, total } = await queryOne(this.dataSource, sql, [firstDay, limit, offset]);
    return { items, total, limit, offset };
  }

  /** Runs one of the cliff's statements for the window asked for (default: from this month in the Clock's zone). */
  private run<Row>(sql: Statement<Row>, query: FundingCliffQueryDto): Promise<Row> {
    return queryOne(this.dataSource, sql, [`${this.firstMonth(query)}-01`, query.months]);
  }

  /** The window's first month: `from`, by default this month in the Clock's zone. */
  private firstMonth(query: Pick<FundingCliffQueryDto, 'from'>): string {
    return query.from ?? this.clock.today().slice(0, 7);
  }
}
