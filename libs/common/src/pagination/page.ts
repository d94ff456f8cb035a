import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Transform } from 'class-transformer';
import { QueryInt } from '../validation/validators.js';

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

export class PageQueryDto {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_PAGE_SIZE,
    default: DEFAULT_PAGE_SIZE,
    description: 'Values above 200 are capped at 200.',
  })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  @Transform(
    ({ value }: { value: unknown }) => (typeof value === 'number' && value > MAX_PAGE_SIZE ? MAX_PAGE_SIZE : value),
    { toClassOnly: true },
  )
  limit: number = DEFAULT_PAGE_SIZE;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  offset: number = 0;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** OpenAPI for a `{ items, total, limit, offset }` answer whose items are `model`. */
export function ApiPageResponse(model: Type<unknown>, description = 'One page of results') {
  return applyDecorators(
    ApiExtraModels(model),
    ApiOkResponse({
      description,
      schema: {
        type: 'object',
        required: ['items', 'total', 'limit', 'offset'],
        properties: {
          items: { type: 'array', items: { $ref: getSchemaPath(model) } },
          total: { type: 'integer', example: 1 },
          limit: { type: 'integer', example: DEFAULT_PAGE_SIZE },
          offset: { type: 'integer', example: 0 },
        },
      },
    }),
  );
}
