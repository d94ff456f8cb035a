import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { queryOne } from '#common';
import { FOLD_PORTFOLIO_ROLLUPS_SQL } from './portfolio-rollups.sql.js';

/**
 * Keeps the summary's roll-ups small: every change to the facts appends a few rows of signed additions, which the read
 * sums per group; the worker folds them (`fold-portfolio-rollups`, every minute) so a read sums a few hundred rows,
 * not a day's changes.
 */
@Injectable()
export class PortfolioRollupsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** `folded`: the rows read (0 when there was nothing to fold); `groups`: the rows written back. */
  fold(): Promise<{ folded: number; groups: number }> {
    return queryOne(this.dataSource, FOLD_PORTFOLIO_ROLLUPS_SQL);
  }
}
