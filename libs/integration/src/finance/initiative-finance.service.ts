import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, NotFoundProblem, queryRow } from '#common';
import type { InitiativeFinanceDto } from './initiative-finance.dto.js';
import { INITIATIVE_FINANCE_SQL } from './initiative-finance.sql.js';

@Injectable()
export class InitiativeFinanceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async get(initiativeId: string, asOf?: string): Promise<InitiativeFinanceDto> {
    const day = asOf ?? this.clock.today();
    const row = await queryRow(this.dataSource, INITIATIVE_FINANCE_SQL, [day, initiativeId]);
    if (!row) throw new NotFoundProblem('initiative', initiativeId);
    return { asOf: day, ...row, initiativeCodeActualSek: Number(row.initiativeCodeActualSek) };
  }
}
