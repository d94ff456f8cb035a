import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto, Trim } from '#common';
import { INITIATIVE_STATUSES } from '#portfolio';
import { OVERLAP_VERDICTS, VERDICTS_NEEDING_NOTE, type OverlapVerdict } from './overlap-rules.js';

export class OverlapsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    minimum: 0,
    maximum: 1,
    description:
      'Only pairs scoring at least this; default and least the storage floor OVERLAP_LIST_MIN_SCORE (0.4): lower is refused with 400.',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) ? Number(value) : value,
  )
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'minScore must be a number between 0 and 1' })
  @Min(0)
  @Max(1)
  minScore?: number;

  @ApiPropertyOptional({
    enum: ['reviewed'],
    description: '`reviewed` also lists the pairs that are quiet (a verdict, and no change since), with their verdict.',
  })
  @IsOptional()
  @IsIn(['reviewed'])
  include?: 'reviewed';

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "Only the pairs this initiative is in, on either side: one pair found from a review's agenda, with or without its verdict.",
  })
  @IsOptional()
  @IsUUID()
  initiativeId?: string;
}

export class OverlapReviewDto {
  @ApiProperty({
    enum: OVERLAP_VERDICTS,
    description:
      '`distinct`: separate efforts; `duplicate`: the same effort twice; `coordinated`: overlapping but agreed between them.',
  })
  @IsIn(OVERLAP_VERDICTS)
  verdict: OverlapVerdict;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Why; required for `duplicate` and `coordinated`.' })
  @ValidateIf((dto: OverlapReviewDto) => VERDICTS_NEEDING_NOTE.includes(dto.verdict) || dto.note !== undefined)
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'note is required for a duplicate or coordinated verdict' })
  @MaxLength(2000)
  note?: string;
}

class OverlapDepartmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

export class OverlapInitiativeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: INITIATIVE_STATUSES }) status: string;
  @ApiProperty({ type: OverlapDepartmentDto, nullable: true }) leadDepartment: OverlapDepartmentDto | null;
}

export class OverlapReasonDto {
  @ApiProperty({ enum: ['target_groups', 'districts', 'priority_areas', 'outcomes', 'text'] }) kind: string;
  @ApiProperty({ example: 'Samma målgrupper', description: 'Swedish, for the reader.' }) label: string;
  @ApiPropertyOptional({ description: "Shared / either's (Jaccard), four decimals; not for text." }) share?: number;
  @ApiPropertyOptional({ type: [String], description: 'What both share: codes (outcome nodes: ids).' })
  shared?: string[];
  @ApiPropertyOptional({ type: [String], description: 'Their names (titles), in the same order.' }) names?: string[];
  @ApiPropertyOptional({
    description: 'text only: mean of trigram similarity and Swedish word overlap, four decimals.',
  })
  similarity?: number;
}

export class OverlapVerdictDto {
  @ApiProperty({ enum: OVERLAP_VERDICTS }) verdict: OverlapVerdict;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ format: 'date-time' }) reviewedAt: string;
  @ApiProperty({
    description: 'Either initiative changed in a way that matters since the verdict: the pair shows again.',
  })
  stale: boolean;
}

export class OverlapPairDto {
  @ApiProperty({ minimum: 0, maximum: 1, description: "Weighted sum of the reasons' parts, four decimals." })
  score: number;
  @ApiProperty({ type: OverlapInitiativeDto, description: "The pair's initiative with the lower id." })
  initiative: OverlapInitiativeDto;
  @ApiProperty({ type: OverlapInitiativeDto }) otherInitiative: OverlapInitiativeDto;
  @ApiProperty({ type: [OverlapReasonDto] }) reasons: OverlapReasonDto[];
  @ApiProperty({ type: OverlapVerdictDto, nullable: true }) review: OverlapVerdictDto | null;
}

/** The stored verdict, as PUT answers it. */
export class OverlapReviewResultDto {
  @ApiProperty({ format: 'uuid' }) initiativeId: string;
  @ApiProperty({ format: 'uuid' }) otherInitiativeId: string;
  @ApiProperty({ enum: OVERLAP_VERDICTS }) verdict: OverlapVerdict;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: String, nullable: true }) reviewedBy: string | null;
  @ApiProperty({ format: 'date-time' }) reviewedAt: Date;
}
