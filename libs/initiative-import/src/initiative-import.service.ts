import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource } from 'typeorm';
import { DomainException, flattenValidationErrors, queryRows, ValidationProblem, type Statement } from '#common';
import {
  DEPARTMENT_NAMES_SQL,
  DISTRICT_NAMES_SQL,
  GOAL_NAMES_SQL,
  TAKEN_CODES_SQL,
  TARGET_GROUP_NAMES_SQL,
  type NamedRow,
} from './initiative-import.sql.js';
import { CreateFundingLineDto, FundingService } from '#funding';
import type { RequestContext } from '#identity';
import { CreateInitiativeDto, InitiativesService } from '#portfolio';
import { mapColumns, type ColumnUse, type ImportField } from './import-columns.js';
import {
  key,
  readRows,
  type ImportDraft,
  type ImportFundingLine,
  type ImportLookups,
  type ImportProblem,
  type NameIndex,
} from './import-rows.js';
import type { InitiativeImportDto } from './initiative-import.dto.js';
import { readSheet } from './spreadsheet.js';

/** 422: some rows have problems, so nothing was imported; `errors` name each row and field (`rows[7].leadDepartment`). */
class ImportRefusedProblem extends DomainException {
  constructor(problems: ImportProblem[]) {
    const rows = new Set(problems.map((problem) => problem.row)).size;
    super(
      HttpStatus.UNPROCESSABLE_ENTITY,
      '/problems/import-refused',
      'Import refused',
      `${rows === 1 ? '1 row has' : `${rows} rows have`} problems; nothing was imported.`,
      {
        errors: problems.map((problem) => ({
          field: `rows[${problem.row}]${problem.field ? `.${problem.field}` : ''}`,
          message: problem.message,
        })),
      },
    );
  }
}

/** The API's own DTO rules (code pattern, lengths, amounts), checked per draft: a row gets what a POST would answer. */
const INITIATIVE_FIELDS: Partial<Record<string, ImportField>> = {
  code: 'code',
  title: 'title',
  kind: 'kind',
  summary: 'summary',
  startDate: 'startDate',
  endDate: 'endDate',
  annualCostSek: 'annualCostSek',
};
const FUNDING_FIELDS: Partial<Record<string, ImportField>> = {
  sourceType: 'fundingSourceType',
  funder: 'funder',
  amountSek: 'fundingAmountSek',
  periodStart: 'fundingStart',
  periodEnd: 'fundingEnd',
  status: 'fundingStatus',
};

/**
 * Starting from the spreadsheet a municipality already has: every row read and checked against the reference data
 * and the API's own rules, then all rows imported as draft initiatives with their funding lines in one transaction,
 * or none when any row has a problem. A dry run answers the same without writing.
 */
@Injectable()
export class InitiativeImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly initiatives: InitiativesService,
    private readonly funding: FundingService,
  ) {}

  async import(
    ctx: RequestContext,
    body: Buffer,
    contentType: string,
    options: { dryRun: boolean; mapping: Record<string, ImportField> },
  ): Promise<InitiativeImportDto> {
    const sheet = await readSheet(body, contentType);
    const { columns, problems: fileProblems } = mapColumns(sheet.headers, options.mapping);
    if (fileProblems.length > 0)
      throw new ValidationProblem(
        fileProblems.map((message) => ({ field: 'column', message })),
        'file',
      );
    const codes = sheet.rows
      .map(({ cells }) => cells[columns.findIndex((column) => column.field === 'code')] ?? '')
      .filter((code) => code !== '');
    const { drafts, fundingLines, problems } = readRows(sheet.rows, columns, await this.lookups(codes));
    problems.push(...(await apiRuleProblems(drafts, fundingLines, columns)));
    problems.sort((a, b) => a.row - b.row);
    const result: InitiativeImportDto = {
      dryRun: options.dryRun,
      rows: sheet.rows.length,
      initiatives: problems.length > 0 ? 0 : drafts.length,
      fundingLines: problems.length > 0 ? 0 : fundingLines.length,
      columns,
      problems,
    };
    if (problems.length > 0 && !options.dryRun) throw new ImportRefusedProblem(problems);
    if (problems.length > 0 || options.dryRun) return result;
    await this.dataSource.transaction(async (em) => {
      const created = await this.initiatives.createMany(
        em,
        ctx,
        drafts.map((draft) => draft.initiative),
      );
      const idByCode = new Map(created.map((initiative) => [initiative.code, initiative.id]));
      await this.funding.createMany(
        em,
        ctx,
        fundingLines.map(({ code, line }) => ({ ...line, initiativeId: idByCode.get(code)! })),
      );
    });
    return result;
  }

  /** The reference data by name and by code, and which of the file's codes are taken: five statements in all. */
  private async lookups(codes: string[]): Promise<ImportLookups> {
    const index = async (names: Statement<NamedRow>) => {
      const byName: NameIndex = new Map();
      for (const row of await queryRows(this.dataSource, names))
        byName.set(key(row.name), row.id).set(key(row.code), row.id);
      return byName;
    };
    const [departments, goals, targetGroups, districts, taken] = await Promise.all([
      index(DEPARTMENT_NAMES_SQL),
      index(GOAL_NAMES_SQL),
      index(TARGET_GROUP_NAMES_SQL),
      index(DISTRICT_NAMES_SQL),
      queryRows(this.dataSource, TAKEN_CODES_SQL, [codes]),
    ]);
    return { departments, goals, targetGroups, districts, takenCodes: new Set(taken.map((row) => row.code)) };
  }
}

async function apiRuleProblems(
  drafts: ImportDraft[],
  fundingLines: ImportFundingLine[],
  columns: ColumnUse[],
): Promise<ImportProblem[]> {
  const headerOf = (field: ImportField) => columns.find((column) => column.field === field)?.header ?? null;
  const check = async (
    row: number,
    dtoClass: new () => object,
    plain: object,
    fields: Partial<Record<string, ImportField>>,
  ) =>
    flattenValidationErrors(await validate(plainToInstance(dtoClass, plain))).flatMap(
      ({ field: property, message }) => {
        const field = fields[property];
        return field ? [{ row, column: headerOf(field), field, message }] : [];
      },
    );
  const problems = await Promise.all([
    ...drafts.map(({ row, initiative }) => check(row, CreateInitiativeDto, initiative, INITIATIVE_FIELDS)),
    ...fundingLines.map(({ row, line }) => check(row, CreateFundingLineDto, line, FUNDING_FIELDS)),
  ]);
  return problems.flat();
}
