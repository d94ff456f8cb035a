import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsOmittable, PatchType, Trim } from '#common';
import { EFFECT_LEVELS, type EffectLevel } from '../effect-node.entity.js';

export class CreateEffectNodeDto {
  @ApiProperty({ enum: EFFECT_LEVELS, example: 'short_term_outcome' })
  @IsIn(EFFECT_LEVELS)
  level: EffectLevel;

  @ApiProperty({ maxLength: 300, example: 'Fler unga 16–24 påbörjar studier eller arbete' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @ApiPropertyOptional({
    maxLength: 4000,
    nullable: true,
    type: String,
    example: 'Mäts som andel av de unga i målgruppen efter sex månader.',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  description?: string | null;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The initiative whose chain the node joins; exactly one of initiativeId and goalId.',
  })
  @IsOmittable()
  @IsUUID()
  initiativeId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "The goal whose chain the node joins (e.g. a priority area's); exactly one of initiativeId and goalId.",
  })
  @IsOmittable()
  @IsUUID()
  goalId?: string;
}

/** The owner is fixed at creation: moving a node to another chain would carry its links across owners. */
export class UpdateEffectNodeDto extends PatchType(
  OmitType(CreateEffectNodeDto, ['initiativeId', 'goalId'] as const),
) {}

export class EffectNodeDto extends OmitType(CreateEffectNodeDto, ['initiativeId', 'goalId'] as const) {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String }) declare description: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) initiativeId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) goalId: string | null;
  @ApiProperty({ example: 1 }) version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class CreateEffectLinkDto {
  @ApiProperty({ format: 'uuid', description: 'The node that contributes (the earlier level).' })
  @IsUUID()
  fromNodeId: string;

  @ApiProperty({ format: 'uuid', description: 'The node it contributes to (a later level).' })
  @IsUUID()
  toNodeId: string;
}

export class EffectLinkDto extends CreateEffectLinkDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() createdAt: Date;
}

export const EFFECT_LOGIC_FORMATS = ['json', 'mermaid'] as const;
export type EffectLogicFormat = (typeof EFFECT_LOGIC_FORMATS)[number];

export class EffectLogicQueryDto {
  @ApiPropertyOptional({
    enum: EFFECT_LOGIC_FORMATS,
    default: 'json',
    description: '`mermaid`: the same graph as Mermaid `flowchart LR` text (text/plain).',
  })
  @IsOptional()
  @IsIn(EFFECT_LOGIC_FORMATS)
  format?: EffectLogicFormat;
}

export class ChainOwnerRefDto {
  @ApiProperty({ enum: ['initiative', 'goal'] }) kind: 'initiative' | 'goal';
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'FTC' }) code: string;
  @ApiProperty({ example: 'Framtidscentrum' }) title: string;
}

export class ContributorRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'FTC' }) code: string;
  @ApiProperty({ example: 'Framtidscentrum' }) title: string;
}

export class MeasuredByRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'UVAS-16-24' }) code: string;
  @ApiProperty({ example: 'Unga 16–24 som varken arbetar eller studerar, andel (%)' }) name: string;
}

export class EffectGraphNodeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: EFFECT_LEVELS }) level: EffectLevel;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) initiativeId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) goalId: string | null;
  @ApiProperty({
    type: ChainOwnerRefDto,
    description: "The chain the node belongs to: the graph's owner, or a goal chain the owner's links point into.",
  })
  owner: ChainOwnerRefDto;
  @ApiProperty({ example: 1 }) version: number;
  @ApiProperty({
    type: [MeasuredByRefDto],
    description: 'The indicators that measure the node (POST /effect-nodes/{id}/indicators), by code.',
  })
  indicators: MeasuredByRefDto[];
  @ApiPropertyOptional({
    type: [ContributorRefDto],
    description: 'Goal graphs only: initiatives with a node that has a path to this node, by code.',
  })
  contributors?: ContributorRefDto[];
}

export class EffectGraphLinkDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) fromNodeId: string;
  @ApiProperty({ format: 'uuid' }) toNodeId: string;
}

export class EffectGraphDto {
  @ApiProperty({ type: ChainOwnerRefDto }) owner: ChainOwnerRefDto;
  @ApiProperty({ type: [EffectGraphNodeDto], description: 'By level, then title.' }) nodes: EffectGraphNodeDto[];
  @ApiProperty({ type: [EffectGraphLinkDto] }) links: EffectGraphLinkDto[];
  @ApiPropertyOptional({
    type: [ChainOwnerRefDto],
    description:
      "Initiative graphs only: the goal chains with nodes that the initiative's nodes may link into — its goals and every goal above them (its priority area …), top down.",
  })
  goalChains?: ChainOwnerRefDto[];
}
