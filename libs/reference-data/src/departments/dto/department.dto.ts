import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsCode, PageQueryDto, PatchType, Trim } from '#common';
import { DEPARTMENT_KINDS, type DepartmentKind } from '../department.entity.js';

export class CreateDepartmentDto {
  @ApiProperty({ example: 'ASF', description: 'Unique short code' })
  @IsCode()
  code: string;

  @ApiProperty({ example: 'Arbetsmarknads- och socialförvaltningen', maxLength: 200 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: DEPARTMENT_KINDS, example: 'administration' })
  @IsIn(DEPARTMENT_KINDS)
  kind: DepartmentKind;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The unit this one belongs to (an avdelning under its förvaltning).',
  })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'forvaltningschef.asf@trollhattan.se',
    description: "Where notices for the department's head go (a work address or functional mailbox)",
  })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  headEmail?: string | null;
}

/** Every field optional, but `null` only where the field is nullable: `{ "name": null }` is refused, not stored. */
export class UpdateDepartmentDto extends PatchType(CreateDepartmentDto) {}

export class DepartmentDto extends CreateDepartmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) declare parentId: string | null;
  @ApiProperty({ type: String, nullable: true }) declare headEmail: string | null;
  @ApiProperty({ example: 1 }) version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class ListDepartmentsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'ASF', description: 'Exactly this code' })
  @IsOptional()
  @IsCode()
  code?: string;

  @ApiPropertyOptional({ enum: DEPARTMENT_KINDS })
  @IsOptional()
  @IsIn(DEPARTMENT_KINDS)
  kind?: DepartmentKind;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  parentId?: string;
}
