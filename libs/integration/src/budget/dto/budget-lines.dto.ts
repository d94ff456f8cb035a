import { ApiProperty } from '@nestjs/swagger';
import { BUDGET_LINE_KINDS, MAX_BUDGET_LINES, type BudgetLineKind } from '../budget-line-rules.js';

/** For the OpenAPI document only: the lines are checked by `checkLines`, which reports every bad line by index. */
export class BudgetLineDto {
  @ApiProperty({ enum: BUDGET_LINE_KINDS, example: 'actual' }) kind: BudgetLineKind;
  @ApiProperty({ example: '2026-03', pattern: '^20\\d\\d-(0[1-9]|1[0-2])$', description: 'The month.' }) period: string;
  @ApiProperty({ example: 125000, description: 'Whole kronor; negative for credits and corrections.' })
  amountSek: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', maxLength: 40 },
    example: { ansvar: '1100', verksamhet: '4120', projekt: 'P2026-07' },
    description:
      'A code for each configured dimension (GET /integrations/budget/dimensions); required ones must be there.',
  })
  dimensions: Record<string, string>;
}

export class BudgetLinesBatchDto {
  @ApiProperty({ type: [BudgetLineDto], maxItems: MAX_BUDGET_LINES, minItems: 1 }) lines: BudgetLineDto[];
}

export class BudgetLinesResultDto {
  @ApiProperty({ example: 3, description: 'Lines in the batch.' }) lines: number;
  @ApiProperty({ example: 1, description: 'New natural keys (kind, period, dimensions).' }) inserted: number;
  @ApiProperty({ example: 1, description: 'Known keys whose amount changed.' }) updated: number;
  @ApiProperty({ example: 1, description: 'Known keys with the same amount: not rewritten.' }) unchanged: number;
}

/** OpenAPI examples: a small batch (budget, actual and a correction on one coding string) and its answer. */
const CODING_STRING = { ansvar: '1100', verksamhet: '4120', projekt: 'P2026-07' };
export const LINES_EXAMPLE = {
  lines: [
    { kind: 'budget', period: '2026-03', amountSek: 250_000, dimensions: { ...CODING_STRING, konto: '4010' } },
    { kind: 'actual', period: '2026-03', amountSek: 231_400, dimensions: { ...CODING_STRING, konto: '4010' } },
    { kind: 'actual', period: '2026-03', amountSek: -12_000, dimensions: { ...CODING_STRING, konto: '6420' } },
  ],
};
export const LINES_RESULT_EXAMPLE = { lines: 3, inserted: 1, updated: 1, unchanged: 1 };
