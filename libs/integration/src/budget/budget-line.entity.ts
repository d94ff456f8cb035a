import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { sqlList, wholeKronor } from '#common';
import { BUDGET_LINE_KINDS, type BudgetLineKind } from './budget-line-rules.js';

/**
 * A budget or actual amount for one month on one coding string, as the budget system sent it. The natural key is
 * (kind, period, dimensions), unique on the dimensions' jsonb text compared bytewise (`DIMENSIONS_KEY`): jsonb's text
 * is canonical whatever the key order the lines were sent in, and one short string compares far faster than jsonb.
 * An expression index, created by the BudgetLinesTextKey migration; declared here so schema comparison leaves it alone.
 */
@Entity({ name: 'budget_lines' })
@Index('uq_budget_lines_natural_key', { synchronize: false })
@Check('ck_budget_lines_kind', `kind IN (${sqlList(BUDGET_LINE_KINDS)})`)
@Check('ck_budget_lines_period', `date_trunc('month', period) = period`)
// Lines attach to initiatives by their `projekt` (libs/integration/src/finance): an expression index, created by the
// BudgetFinance migration; declared here so schema comparison leaves it alone.
@Index('ix_budget_lines_projekt', { synchronize: false })
export class BudgetLineEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'varchar', length: 10 })
  kind: BudgetLineKind;

  /** The month's first day. */
  @Column({ type: 'date' })
  period: string;

  /** `{ "ansvar": "1100", "projekt": "P7" }`: each configured dimension the line names, and its code. */
  @Column({ type: 'jsonb' })
  dimensions: Record<string, string>;

  @Column({ type: 'bigint', transformer: wholeKronor })
  amountSek: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
