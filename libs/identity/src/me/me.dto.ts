import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '../actor.js';
import { PERMISSION_NAMES, REACHES, type AccessRefusal, type Permission, type Reach } from '../permissions.js';

export class MyDepartmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'ASF' }) code: string;
  @ApiProperty({ example: 'Arbetsmarknads- och socialförvaltningen' }) name: string;
}

/** One permission as it applies to the caller. */
export class AccessDto {
  @ApiProperty({ description: 'Whether the caller may use the permission at all.' })
  allowed: boolean;

  @ApiProperty({
    enum: REACHES,
    enumName: 'Reach',
    nullable: true,
    description:
      'Which records it applies to: `all`; `own_department`, only records of the caller’s department (an initiative it leads or co-owns, an alert or indicator of the department); `lead_department`, only initiatives it leads. Null when not allowed.',
  })
  reach: Reach | null;

  @ApiProperty({
    enum: ['not_granted', 'no_department'],
    enumName: 'AccessRefusal',
    nullable: true,
    description:
      'Why not, when not allowed: `not_granted`, no role (or API key scope) of the caller gives it; `no_department`, it applies only to the caller’s department and Samla knows none for them (an admin can place them with PUT /users/{subject}).',
  })
  reason: AccessRefusal | null;
}

/** Every permission of the matrix, each as it applies to the caller: one property per permission, all present. */
export class MayDto {}
for (const permission of PERMISSION_NAMES) ApiProperty({ type: AccessDto })(MayDto.prototype, permission);

/** `GET /me`: who the caller is to Samla and what they may do, from the one permission matrix. */
export class MeDto {
  @ApiProperty({
    enum: ['user', 'api_key'],
    description: '`user`, a person with a bearer token; `api_key`, a machine client.',
  })
  actorKind: 'user' | 'api_key';

  @ApiProperty({
    example: '6f1c2a9e-4b7d-4e1a-9c3f-2d8e5b7a1c40',
    description: 'A person: the identity provider’s stable id (the user-id claim). An API key: its id.',
  })
  subject: string;

  @ApiProperty({
    nullable: true,
    type: String,
    example: 'Förvaltningschef ASF',
    description: 'A person’s display name; an API key’s name.',
  })
  name: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'forvaltningschef.asf@trollhattan.se' })
  email: string | null;

  @ApiProperty({
    enum: ROLES,
    enumName: 'Role',
    isArray: true,
    description: 'The roles Samla knows from the token (none for an API key).',
  })
  roles: Role[];

  @ApiProperty({
    type: String,
    isArray: true,
    nullable: true,
    example: null,
    description: 'An API key’s scopes; null for a person.',
  })
  scopes: string[] | null;

  @ApiProperty({
    type: MyDepartmentDto,
    nullable: true,
    description:
      'The department the person acts for (from the token’s department claim, else Samla’s own mapping); null when neither names a known one, and for API keys.',
  })
  department: MyDepartmentDto | null;

  @ApiProperty({
    enum: PERMISSION_NAMES,
    enumName: 'Permission',
    isArray: true,
    description:
      'The permissions the caller’s roles (or API key scopes) give, named as in the permission matrix: what each endpoint checks first.',
  })
  permissions: Permission[];

  @ApiProperty({
    type: MayDto,
    description:
      'Every permission of the matrix, as it applies to the caller: allowed or not, on which records, and why not. Records another department owns are refused with 403 when the reach is `own_department` or `lead_department`; compare a record’s departments with `department.id`.',
  })
  may: Record<Permission, AccessDto>;
}
