import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto, Trim } from '#common';

/** PUT replaces the whole mapping: a name or e-mail left out is cleared. */
export class PutUserDto {
  @ApiProperty({
    format: 'uuid',
    description: 'The department the person works for; used when their token names none.',
  })
  @IsUUID()
  departmentId: string;

  @ApiPropertyOptional({ type: String, example: 'Samordnare SSPF', maxLength: 200, nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string | null;

  @ApiPropertyOptional({ type: String, example: 'samordnare.sspf@example.se', maxLength: 254, nullable: true })
  @IsOptional()
  @Trim()
  @IsEmail()
  @MaxLength(254)
  email?: string | null;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    example: '6f1c2a9e-4b7d-4e1a-9c3f-2d8e5b7a1c40',
    description: 'The identity provider’s stable id (the user-id claim).',
  })
  subject: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) departmentId: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Samordnare SSPF' }) name: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'samordnare.sspf@example.se' }) email: string | null;
  @ApiProperty({ example: 1 }) version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class ListUsersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;
}
