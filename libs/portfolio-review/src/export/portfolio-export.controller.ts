import { Controller, Get, HttpStatus, Query, Req, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiProblems, DomainException } from '#common';
import { Ctx, Requires, type RequestContext } from '#identity';
import { PortfolioExportQueryDto, type ExportFormat } from './portfolio-export.dto.js';
import { CSV_TYPE, PortfolioExportService, XLSX_TYPE } from './portfolio-export.service.js';

const MEDIA_TYPES: Record<ExportFormat, string> = { csv: CSV_TYPE, xlsx: XLSX_TYPE };

@ApiTags('portfolio')
@Controller('portfolio/export')
export class PortfolioExportController {
  constructor(private readonly exports: PortfolioExportService) {}

  @Get()
  @Requires('portfolio:read')
  @ApiOperation({
    summary: 'The filtered portfolio as a CSV or Excel file, by format=csv|xlsx or else the Accept header',
    description:
      'A row per initiative (Swedish headers) with status, departments, priority areas, goals, target groups, districts, dates, annual cost, ' +
      'temporary funding, open alerts and audit readiness, and its first funding line (source type, funder, amount, period, status); each ' +
      'further funding line in a row right below that gives only the code and the funding columns, as the initiative import reads them ' +
      "back. And the follow-up plans' indicator values (latest per cell, with baseline and " +
      'target), small counts suppressed as the indicator API does. `text/csv`: UTF-8 with BOM, `;`-separated, decimal comma, one table ' +
      '(`table`); the spreadsheet type: a workbook with the sheets Insatser and Indikatorer. `format` wins over Accept; without it, any other Accept: 406.',
  })
  @ApiProduces(CSV_TYPE, XLSX_TYPE)
  @ApiOkResponse({
    description: 'An attachment named samla-portfolj-<date>.csv or .xlsx',
    content: {
      [CSV_TYPE]: { schema: { type: 'string' } },
      [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiResponse({
    status: HttpStatus.NOT_ACCEPTABLE,
    description: 'Accept names neither text/csv nor the spreadsheet type',
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetailsDto' } } },
  })
  @ApiProblems(400)
  async export(
    @Ctx() ctx: RequestContext,
    @Req() req: Request,
    @Query() query: PortfolioExportQueryDto,
  ): Promise<StreamableFile> {
    const { table = 'initiatives', format, ...filters } = query;
    // No Accept (or */*) gets CSV, the first listed.
    const type = format ? MEDIA_TYPES[format] : req.accepts([CSV_TYPE, XLSX_TYPE]);
    if (!type) {
      throw new DomainException(
        HttpStatus.NOT_ACCEPTABLE,
        '/problems/not-acceptable',
        'Not acceptable',
        `Ask for ${CSV_TYPE} or ${XLSX_TYPE}, or send format=csv or format=xlsx.`,
      );
    }
    const { file, filename } = await this.exports.export(
      ctx.actor,
      filters,
      type === XLSX_TYPE ? 'xlsx' : 'csv',
      table,
    );
    return new StreamableFile(file, {
      type: type === CSV_TYPE ? `${CSV_TYPE}; charset=utf-8` : XLSX_TYPE,
      disposition: `attachment; filename="${filename}"`,
      length: file.length,
    });
  }
}
