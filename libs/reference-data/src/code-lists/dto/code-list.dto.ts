import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsCode, Trim } from '#common';

export class CreateCodeListItemDto {
  @ApiProperty({ example: 'KRONOGARDEN' })
  @IsCode()
  code: string;

  @ApiProperty({ example: 'Kronogården', maxLength: 200 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;
}

export class CodeListItemDto extends CreateCodeListItemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}
