import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, Matches } from 'class-validator';
import { IMPORT_FIELD_NAMES, IMPORT_FIELDS, type ImportField } from './import-columns.js';

const COLUMN_PATTERN = new RegExp(`^(${IMPORT_FIELD_NAMES.join('|')}):.+$`);

export class InitiativeImportQueryDto {
  @ApiPropertyOptional({
    description: 'Check the file and answer what would be imported, importing nothing',
    default: false,
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  dryRun?: boolean;

  @ApiPropertyOptional({
    type: [String],
    example: ['title:Projektnamn', 'leadDepartment:Förvaltning'],
    description: `A column of the file whose header is not Samla's, as \`field:header\`; repeat for more. Fields (and Samla's own headers): ${IMPORT_FIELD_NAMES.map((field) => `${field} (${IMPORT_FIELDS[field]})`).join(', ')}.`,
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? [value] : value))
  @IsArray()
  @ArrayMaxSize(IMPORT_FIELD_NAMES.length)
  @Matches(COLUMN_PATTERN, {
    each: true,
    message: `each column must be field:header, the field one of ${IMPORT_FIELD_NAMES.join(', ')}`,
  })
  column?: string[];
}

/** The query's `column` values as header → field. */
export function columnMapping(columns: string[] = []): Record<string, ImportField> {
  return Object.fromEntries(
    columns.map((column) => [
      column.slice(column.indexOf(':') + 1),
      column.slice(0, column.indexOf(':')) as ImportField,
    ]),
  );
}

export class ImportColumnDto {
  @ApiProperty({ example: 'Projektnamn' })
  header: string;

  @ApiProperty({
    enum: IMPORT_FIELD_NAMES,
    nullable: true,
    type: String,
    example: 'title',
    description: 'The field the column fills; null when read past',
  })
  field: ImportField | null;

  @ApiProperty({
    enum: ['derived', 'unknown'],
    nullable: true,
    type: String,
    example: null,
    description: "Why a column is read past: `derived` (worked out by Samla's export, e.g. Beredskap) or `unknown`",
  })
  ignored: 'derived' | 'unknown' | null;
}

export class ImportProblemDto {
  @ApiProperty({ example: 7, description: 'The row as Excel numbers it (the header is row 1)' })
  row: number;

  @ApiProperty({ nullable: true, type: String, example: 'Ledande förvaltning' })
  column: string | null;

  @ApiProperty({ enum: IMPORT_FIELD_NAMES, nullable: true, type: String, example: 'leadDepartment' })
  field: ImportField | null;

  @ApiProperty({ example: 'no department is named or coded "Kulturförvaltningen"' })
  message: string;
}

export class InitiativeImportDto {
  @ApiProperty({ example: true })
  dryRun: boolean;

  @ApiProperty({ example: 120, description: 'Rows read below the header' })
  rows: number;

  @ApiProperty({
    example: 120,
    description: 'Draft initiatives created (would be, on a dry run); 0 when any row has a problem',
  })
  initiatives: number;

  @ApiProperty({ example: 80, description: 'Funding lines created with them (would be, on a dry run)' })
  fundingLines: number;

  @ApiProperty({ type: [ImportColumnDto] })
  columns: ImportColumnDto[];

  @ApiProperty({
    type: [ImportProblemDto],
    description: 'Every problem of every row; an import with any imports nothing',
  })
  problems: ImportProblemDto[];
}
