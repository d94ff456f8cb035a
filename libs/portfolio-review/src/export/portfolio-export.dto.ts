import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { InitiativeFiltersQueryDto } from '#portfolio';

export const EXPORT_TABLES = ['initiatives', 'indicators'] as const;
export type ExportTableName = (typeof EXPORT_TABLES)[number];

/** The initiative list's filters, and which table a CSV holds (a workbook holds both, one sheet each). */
export class PortfolioExportQueryDto extends InitiativeFiltersQueryDto {
  @ApiPropertyOptional({ enum: EXPORT_TABLES, default: 'initiatives', description: 'CSV only: the initiatives, or their follow-up plans\' indicator values.' })
  @IsOptional()
  @IsIn(EXPORT_TABLES)
  table?: ExportTableName;
}
