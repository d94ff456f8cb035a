import { Controller, Get } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { queryRow } from '#common';
import type { Actor, RequestContext } from '../actor.js';
import { DEPARTMENT_BY_ID_SQL } from '../departments.sql.js';
import { Ctx, SignedIn } from '../auth/auth.decorators.js';
import { accessFor, hasPermission, PERMISSION_NAMES, type Access, type Permission } from '../permissions.js';
import { MeDto, MyDepartmentDto } from './me.dto.js';

@ApiTags('me')
@Controller('me')
export class MeController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @SignedIn()
  @ApiOperation({
    summary: 'Who the caller is and what they may do',
    description:
      'For the web app, so it shows, hides or disables actions and says why without guessing: the caller’s roles, department, the permissions they hold, and for every permission whether it reaches all records or only their own department’s. Any signed-in person or API key may ask.',
  })
  @ApiOkResponse({ type: MeDto })
  async me(@Ctx() { actor }: RequestContext): Promise<MeDto> {
    const may = Object.fromEntries(
      PERMISSION_NAMES.map((permission) => [permission, accessFor(actor, permission)]),
    ) as Record<Permission, Access>;
    const permissions = PERMISSION_NAMES.filter((permission) => hasPermission(actor, permission));
    if (actor.kind === 'api_key') {
      return {
        actorKind: 'api_key',
        subject: actor.id,
        name: actor.name,
        email: null,
        roles: [],
        scopes: actor.scopes,
        department: null,
        permissions,
        may,
      };
    }
    return {
      actorKind: 'user',
      subject: actor.id,
      name: actor.name,
      email: actor.email,
      roles: actor.roles,
      scopes: null,
      department: await this.department(actor),
      permissions,
      may,
    };
  }

  /** A read of reference data's table (docs/adr/0003-cross-context-reads.md). */
  private async department(actor: Actor & { kind: 'user' }): Promise<MyDepartmentDto | null> {
    if (actor.departmentId === null) return null;
    return (await queryRow(this.dataSource, DEPARTMENT_BY_ID_SQL, [actor.departmentId])) ?? null;
  }
}
