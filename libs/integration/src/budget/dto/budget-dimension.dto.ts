import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, IsOnOrAfter, Trim } from '#common';
import { CODE_VALUE_PATTERN } from '../budget-line-rules.js';
import { DIMENSION_CODE_PATTERN } from '../budget-dimension.entity.js';

export const MAX_DIMENSIONS = 20;
export const MAX_DIMENSION_CODES = 10_000;

export class BudgetDimensionDto {
  @ApiProperty({
    example: 'ansvar',
    pattern: DIMENSION_CODE_PATTERN.source,
    description: 'The name lines use in `dimensions`.',
  })
  @Matches(DIMENSION_CODE_PATTERN, {
    message: 'code must be lower case letters, digits and _, starting with a letter (at most 30)',
  })
  code: string;

  @ApiProperty({ example: 'Ansvar', maxLength: 100 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  label: string;

  @ApiProperty({ example: 1, minimum: 1, maximum: 99, description: 'Place in the coding string; unique.' })
  @IsInt()
  @Min(1)
  @Max(99)
  position: number;

  @ApiPropertyOptional({ default: true, description: 'Every line must name a code of this dimension.' })
  @IsOptional()
  @IsBoolean()
  required: boolean = true;

  @ApiPropertyOptional({ default: false, description: 'Lines may only use the listed codes, within their validity.' })
  @IsOptional()
  @IsBoolean()
  validatesCodes: boolean = false;
}

export class BudgetDimensionsDto {
  @ApiProperty({
    type: [BudgetDimensionDto],
    maxItems: MAX_DIMENSIONS,
    description: 'The whole set: dimensions left out are removed with their codes.',
  })
  @IsArray()
  @ArrayMaxSize(MAX_DIMENSIONS)
  @ArrayUnique((d: BudgetDimensionDto) => d?.code, { message: 'each dimension code must be unique' })
  @ArrayUnique((d: BudgetDimensionDto) => d?.position, { message: 'each position must be unique' })
  @ValidateNested({ each: true })
  @Type(() => BudgetDimensionDto)
  dimensions: BudgetDimensionDto[];
}

export class BudgetDimensionCodeDto {
  @ApiProperty({ example: '1100', maxLength: 40 })
  @Matches(CODE_VALUE_PATTERN, { message: 'code must be 1–40 characters without surrounding blanks' })
  code: string;

  @ApiProperty({ example: 'Kommunstyrelsens förvaltning', maxLength: 200 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  label: string;

  @ApiPropertyOptional({
    format: 'date',
    nullable: true,
    type: String,
    example: '2026-01-01',
    description: 'First day it may be booked on; none: always.',
  })
  @IsOptional()
  @IsCalendarDate()
  validFrom?: string | null;

  @ApiPropertyOptional({
    format: 'date',
    nullable: true,
    type: String,
    example: null,
    description: 'Last day it may be booked on; none: open-ended.',
  })
  @IsOptional()
  @IsCalendarDate()
  @IsOnOrAfter('validFrom')
  validTo?: string | null;
}

export class BudgetDimensionCodesDto {
  @ApiProperty({
    type: [BudgetDimensionCodeDto],
    maxItems: MAX_DIMENSION_CODES,
    description: "The dimension's whole code list: codes left out are removed.",
  })
  @IsArray()
  @ArrayMaxSize(MAX_DIMENSION_CODES)
  @ArrayUnique((c: BudgetDimensionCodeDto) => c?.code, { message: 'each code must be unique' })
  @ValidateNested({ each: true })
  @Type(() => BudgetDimensionCodeDto)
  codes: BudgetDimensionCodeDto[];
}

export class BudgetDimensionListDto {
  @ApiProperty({ type: [BudgetDimensionDto] }) dimensions: BudgetDimensionDto[];
}

export class BudgetDimensionCodeListDto {
  @ApiProperty({ type: [BudgetDimensionCodeDto] }) codes: BudgetDimensionCodeDto[];
}

export class BudgetDimensionCodesResultDto {
  @ApiProperty({ example: 'ansvar' }) dimension: string;
  @ApiProperty({ example: 120, description: 'Codes now listed.' }) codes: number;
  @ApiProperty({ example: 2 }) inserted: number;
  @ApiProperty({ example: 1 }) updated: number;
  @ApiProperty({ example: 0 }) removed: number;
}

/** OpenAPI examples: a realistic coding string and one dimension's code list. */
export const DIMENSIONS_EXAMPLE = {
  dimensions: [
    { code: 'ansvar', label: 'Ansvar', position: 1, required: true, validatesCodes: true },
    { code: 'verksamhet', label: 'Verksamhet', position: 2, required: true, validatesCodes: true },
    { code: 'projekt', label: 'Projekt', position: 3, required: false, validatesCodes: true },
    { code: 'konto', label: 'Konto', position: 4, required: true, validatesCodes: false },
  ],
};
export const CODES_EXAMPLE = {
  codes: [
    { code: 'P2023-12', label: 'Trygghetsvandringar', validFrom: '2023-01-01', validTo: '2025-12-31' },
    { code: 'P2026-07', label: 'Unga till arbete', validFrom: '2026-01-01', validTo: null },
  ],
};
export const CODES_RESULT_EXAMPLE = { dimension: 'projekt', codes: 2, inserted: 1, updated: 1, removed: 0 };
