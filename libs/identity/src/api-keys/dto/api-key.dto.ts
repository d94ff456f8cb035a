import { ApiProperty } from '@nestjs/swagger';
import { ArrayNotEmpty, ArrayUnique, IsArray, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Trim } from '#common';
import { API_KEY_SCOPES } from '../../permissions.js';

export class CreateApiKeyDto {
  @ApiProperty({
    example: 'Budgetsystemet (Raindance)',
    maxLength: 100,
    description: 'Unique; says which system holds the key.',
  })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({
    enum: API_KEY_SCOPES,
    isArray: true,
    example: ['portfolio:read'],
    description: 'What the key may do; a permission of the matrix.',
  })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(API_KEY_SCOPES, { each: true, message: `each value in scopes must be one of: ${API_KEY_SCOPES.join(', ')}` })
  scopes: string[];
}

/** A key as lists show it: never the secret, never its hash. */
export class ApiKeyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Budgetsystemet (Raindance)' }) name: string;
  @ApiProperty({
    example: '3f9a1c0b7d2e',
    description: 'The part after `samla_` that names the key without revealing it.',
  })
  prefix: string;
  @ApiProperty({ enum: API_KEY_SCOPES, isArray: true }) scopes: string[];
  @ApiProperty({ description: 'Who created it (the admin’s user id).' }) createdBy: string;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ nullable: true, type: Date, description: 'Last call with the key, to the minute.' })
  lastUsedAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) revokedAt: Date | null;
}

export class CreatedApiKeyDto extends ApiKeyDto {
  @ApiProperty({
    example: 'samla_3f9a1c0b7d2e_q8Zt0mJ3…',
    description: 'The key itself, shown only in this answer: Samla keeps only a hash. Send it as `X-Api-Key`.',
  })
  key: string;
}
