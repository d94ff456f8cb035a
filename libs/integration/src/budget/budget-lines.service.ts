import { HttpStatus, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  DomainException,
  execute,
  queryOne,
  queryRows,
  ValidationProblem,
  XACT_LOCK_SQL,
  type FieldError,
} from '#common';
import { AuditService, type RequestContext } from '#identity';
import {
  IdempotencyService,
  type IdempotentResponse,
  type StoredResponse,
} from '../idempotency/idempotency.service.js';
import { checkLines, MAX_BUDGET_LINES, MAX_LINE_ERRORS } from './budget-line-rules.js';
import {
  ANY_CODE_ERROR_SQL,
  ANY_LINE_IN_MONTHS_SQL,
  BATCH_WORK_MEM_SQL,
  BUDGET_LINES_LOCK,
  CODE_ERRORS_SQL,
  DIMENSION_RULES_SQL,
  INSERT_LINES_SQL,
  UPSERT_LINES_SQL,
} from './budget-lines.sql.js';

/** 422 for a batch with invalid lines: the first errors by line, and how many there were. Nothing is written. */
export class InvalidBudgetLinesProblem extends DomainException {
  constructor(errors: FieldError[], total: number, lines: number) {
    const listed = total > errors.length ? ` The first ${errors.length} are listed.` : '';
    super(
      HttpStatus.UNPROCESSABLE_ENTITY,
      '/problems/invalid-budget-lines',
      'Invalid budget lines',
      `The batch has ${total} ${total === 1 ? 'error' : 'errors'} in its ${lines} lines, so none was written.${listed}`,
      { errors },
    );
  }
}

export type BudgetLinesResult = { lines: number; inserted: number; updated: number; unchanged: number };

@Injectable()
export class BudgetLinesService {
  constructor(
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditService,
  ) {}

  /**
   * A batch, all or nothing, at most once per Idempotency-Key. `bodyHash`: the sha256 of the body's bytes as received
   * (a retry resends the same bytes), which the route's parser computes (`hashedJsonBody`).
   */
  put(ctx: RequestContext, key: string, body: unknown, bodyHash: string | undefined): Promise<IdempotentResponse> {
    const lines = linesOrFail(body);
    // A body that is a batch was parsed as JSON, so only a route set up without its parser lacks the hash.
    if (bodyHash === undefined) throw new Error('The budget lines route has no hashedJsonBody parser (app.setup.ts)');
    return this.idempotency.run(ctx, key, bodyHash, (em) => this.write(em, ctx, key, lines));
  }

  private async write(em: EntityManager, ctx: RequestContext, key: string, lines: unknown[]): Promise<StoredResponse> {
    await execute(em, BATCH_WORK_MEM_SQL);
    const dimensions = await queryRows(em, DIMENSION_RULES_SQL);
    const { checked, errors, uses } = checkLines(lines, dimensions);
    // Codes are judged on the distinct values first; only a batch with a bad code pays for naming every bad line.
    const codeErrors =
      checked.count > 0 && (await queryOne(em, ANY_CODE_ERROR_SQL, [JSON.stringify(uses)])).bad
        ? await findCodeErrors(em, checked.text)
        : [];
    const total = errors.length + (codeErrors[0]?.total ?? 0);
    if (total > 0) {
      const all = [...errors, ...codeErrors.map(codeError)].sort((a, b) => lineIndex(a) - lineIndex(b));
      throw new InvalidBudgetLinesProblem(all.slice(0, MAX_LINE_ERRORS), total, lines.length);
    }
    // Taken only now, so batches check their lines side by side and wait for each other only to write.
    await execute(em, XACT_LOCK_SQL, [BUDGET_LINES_LOCK]);
    // A batch of months not stored yet is all new: it skips the upsert's lookup of every line.
    const stored = (await queryOne(em, ANY_LINE_IN_MONTHS_SQL, [JSON.stringify(checked.months)])).stored;
    const { inserted, updated } = await queryOne(em, stored ? UPSERT_LINES_SQL : INSERT_LINES_SQL, [checked.text]);
    const result: BudgetLinesResult = {
      lines: checked.count,
      inserted,
      updated,
      unchanged: checked.count - inserted - updated,
    };
    await this.audit.record(em, ctx, {
      action: 'create',
      entityType: 'budget_line_batch',
      entityId: key,
      after: result,
    });
    return { status: HttpStatus.OK, body: result };
  }
}

type CodeError = { index: number; dimension: string; code: string; known: boolean; total: number };

/** The first MAX_LINE_ERRORS bad codes of the lines (CODE_ERRORS_SQL), each with the count of all. */
async function findCodeErrors(em: EntityManager, lines: string): Promise<CodeError[]> {
  const rows = await queryRows(em, CODE_ERRORS_SQL, [lines, MAX_LINE_ERRORS]);
  return rows.map((r) => ({
    index: r.idx,
    dimension: r.dimension,
    code: r.code,
    known: r.known,
    total: Number(r.total),
  }));
}

/** The body's shape (400): `{ "lines": [ … ] }` with 1–50,000 lines. The lines themselves are judged later (422). */
function linesOrFail(body: unknown): unknown[] {
  const shape =
    body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
  const errors: FieldError[] = shape
    ? Object.keys(shape)
        .filter((field) => field !== 'lines')
        .map((field) => ({ field, message: 'unknown field' }))
    : [{ field: 'body', message: 'must be an object: { "lines": [ … ] }' }];
  const lines = shape?.lines;
  if (shape && (!Array.isArray(lines) || lines.length === 0 || lines.length > MAX_BUDGET_LINES)) {
    errors.push({ field: 'lines', message: `must be an array of 1–${MAX_BUDGET_LINES} lines` });
  }
  if (errors.length > 0) throw new ValidationProblem(errors, 'request body');
  return lines as unknown[];
}

function codeError(e: { index: number; dimension: string; code: string; known: boolean }): FieldError {
  return {
    field: `lines[${e.index}].dimensions.${e.dimension}`,
    message: e.known ? `code ${e.code} is not valid in the line's period` : `unknown code ${e.code}`,
  };
}

const lineIndex = (error: FieldError) => Number(/^lines\[(\d+)\]/.exec(error.field)?.[1]);
