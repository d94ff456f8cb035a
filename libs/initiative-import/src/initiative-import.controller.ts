import { Body, Controller, Headers, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, DomainException, XLSX_TYPE } from '#common';
import { Ctx, Requires, type RequestContext } from '#identity';
import { IMPORT_FIELDS } from './import-columns.js';
import { columnMapping, InitiativeImportDto, InitiativeImportQueryDto } from './initiative-import.dto.js';
import { InitiativeImportService } from './initiative-import.service.js';

export const INITIATIVE_IMPORTS_PATH = '/initiative-imports';
/** A list of a few thousand initiatives, as CSV or XLSX, is well under this. */
export const INITIATIVE_IMPORT_BODY_LIMIT = '10mb';

@ApiTags('initiative imports')
@Controller(INITIATIVE_IMPORTS_PATH.slice(1))
export class InitiativeImportController {
  constructor(private readonly imports: InitiativeImportService) {}

  @Post()
  @Requires('initiatives:import')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Import a spreadsheet of initiatives as drafts with their funding lines, all rows or none',
    description:
      `CSV (UTF-8, \`;\` or \`,\`) or XLSX (the sheet \`Insatser\`, or the first), the header in row 1. Samla's own headers are read as they are, ` +
      `so the portfolio export imports back: ${Object.values(IMPORT_FIELDS).join(', ')}; other headers are mapped with \`column\`. ` +
      'Names or codes of departments, goals, target groups and districts; lists separated by commas; dates as YYYY-MM-DD; whole kronor. ' +
      'A row with the code of the row above and no other initiative column is a further funding line of that initiative; any other ' +
      'repeated code is a problem. ' +
      'A dry run checks everything and imports nothing; an import where any row has a problem is refused with 422 and imports nothing.',
  })
  @ApiConsumes('text/csv', XLSX_TYPE)
  @ApiBody({
    schema: {
      type: 'string',
      format: 'binary',
      example: 'Kod;Namn;Ledande förvaltning;Start;Slut\r\nUNGA-2027;Unga till arbete;ASF;2027-01-01;2027-12-31\r\n',
    },
  })
  @ApiOkResponse({ type: InitiativeImportDto })
  @ApiProblems(400, 413, 415, 422)
  import(
    @Ctx() ctx: RequestContext,
    @Query() query: InitiativeImportQueryDto,
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
  ) {
    if (!Buffer.isBuffer(body)) {
      throw new DomainException(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        '/problems/unsupported-media-type',
        'Unsupported Media Type',
        `Send the file as text/csv or ${XLSX_TYPE}.`,
      );
    }
    const type = contentType?.split(';')[0].trim() ?? '';
    return this.imports.import(ctx, body, type, {
      dryRun: query.dryRun ?? false,
      mapping: columnMapping(query.column),
    });
  }
}
