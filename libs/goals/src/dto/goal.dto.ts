import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsCalendarDate, IsCode, IsOnOrAfter, PageQueryDto, PatchType, Trim } from '#common';
import { GOAL_LEVELS, type GoalLevel } from '../goal.entity.js';

export class CreateGoalDto {
  @ApiProperty({ example: 'FP-1', description: 'Unique short code' })
  @IsCode()
  code: string;

  @ApiProperty({ example: 'Samverka så att fler hittar vägen till jobb – särskilt fokus unga', maxLength: 300 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 4000,
    example: 'Ett av färdplanens fem prioriterade områden.',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(4000)
  description?: string | null;

  @ApiProperty({
    enum: GOAL_LEVELS,
    example: 'priority_area',
    description: `Top down: ${GOAL_LEVELS.join(' → ')}. Below the parent's level.`,
  })
  @IsIn(GOAL_LEVELS)
  level: GoalLevel;

  @ApiProperty({
    example: 'Färdplan för social hållbarhet',
    maxLength: 200,
    description: 'The governing document the goal comes from.',
  })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  framework: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The goal this one serves; null for a root.',
  })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2021-12-01' })
  @IsOptional()
  @IsCalendarDate()
  validFrom?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    example: null,
    description: 'Not before validFrom; null for open-ended.',
  })
  @IsOptional()
  @IsCalendarDate()
  @IsOnOrAfter('validFrom')
  validTo?: string | null;
}

/** Every field optional, but `null` only where the field is nullable: `{ "title": null }` is refused, not stored. */
export class UpdateGoalDto extends PatchType(CreateGoalDto) {}

export class GoalDto extends CreateGoalDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true }) declare description: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) declare parentId: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) declare validFrom: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) declare validTo: string | null;
  @ApiProperty({ example: 1 }) version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class GoalTreeNodeDto extends GoalDto {
  @ApiProperty({ type: () => [GoalTreeNodeDto], description: 'The goals directly under this one, by level then code.' })
  children: GoalTreeNodeDto[];
}

export class ListGoalsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'FP-3', description: 'Exactly this code' })
  @IsOptional()
  @IsCode()
  code?: string;

  @ApiPropertyOptional({ enum: GOAL_LEVELS })
  @IsOptional()
  @IsIn(GOAL_LEVELS)
  level?: GoalLevel;

  @ApiPropertyOptional({ example: 'MRP 2024–2027' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  framework?: string;
}

export class GoalTreeQueryDto {
  @ApiPropertyOptional({
    example: 'Färdplan för social hållbarhet',
    description: "Only this framework's goals; those whose parent lies outside it become roots.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  framework?: string;
}
