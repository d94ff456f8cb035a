import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { InitiativeFiltersQueryDto } from '#portfolio';

export const EXPORT_TABLES = ['initiatives', 'indicators'] as const;
export type ExportTableName = (typeof EXPORT_TABLES)[number];

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The initiative list's filters, the file's format, and which table a CSV holds (a workbook holds both, one sheet each). */
export class PortfolioExportQueryDto extends InitiativeFiltersQueryDto {
  @ApiPropertyOptional({
    enum: EXPORT_FORMATS,
    description:
      'The file to write; wins over the Accept header (for links a browser follows, which cannot set Accept).',
  })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format?: ExportFormat;

  @ApiPropertyOptional({
    enum: EXPORT_TABLES,
    default: 'initiatives',
    description: "CSV only: the initiatives, or their follow-up plans' indicator values.",
  })
  @IsOptional()
  @IsIn(EXPORT_TABLES)
  table?: ExportTableName;
}
