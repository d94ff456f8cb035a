import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import {
  findOneOrNotFound,
  findPage,
  givenFilters,
  queryRow,
  TtlCache,
  UnknownReferenceProblem,
  updateVersioned,
  type Page,
} from '#common';
import { DEPARTMENT_BY_CODE_SQL, DEPARTMENT_BY_ID_SQL } from '../departments.sql.js';
import type { RequestContext } from '../actor.js';
import type { ListUsersQueryDto, PutUserDto } from './dto/user.dto.js';
import { UserEntity } from './user.entity.js';
import { USER_DEPARTMENT_SQL } from './users.sql.js';

/** The fields an admin maintains; the rest is bookkeeping. */
const MAINTAINED = ['departmentId', 'name', 'email'] as const;

/*
 * departmentIdFor answers every request that carries a token, so its answers (null ones too) are kept in the process
 * a few seconds. A mapping put through this process is seen at the person's next request; one put through another API
 * process, and any department created or given another code, within the time to live (docs/operations.md).
 */
/** Codes are reference data that hardly ever change; a municipality has a few hundred departments at most. */
const DEPARTMENT_BY_CODE_CACHE = { maxEntries: 1_000, ttlMs: 5_000 };
/** 5 s is how late another process may see an admin's move of a person; about one entry per person signed in. */
const SUBJECT_DEPARTMENT_CACHE = { maxEntries: 5_000, ttlMs: 5_000 };

/** Samla's own user → department mapping, for providers whose tokens carry no department. */
@Injectable()
export class UsersService {
  private readonly departmentByCode = new TtlCache<string, string | null>(DEPARTMENT_BY_CODE_CACHE);
  private readonly departmentOfSubject = new TtlCache<string, string | null>(SUBJECT_DEPARTMENT_CACHE);

  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(query: ListUsersQueryDto): Promise<Page<UserEntity>> {
    return findPage(this.users, query, {
      where: givenFilters({ departmentId: query.departmentId }),
      order: { subject: 'ASC' },
    });
  }

  get(subject: string): Promise<UserEntity> {
    return findOneOrNotFound(this.users, 'user', subject, { where: { subject } });
  }

  /** Creates the mapping or replaces it; `created` tells the controller whether to answer 201. */
  async put(ctx: RequestContext, subject: string, dto: PutUserDto): Promise<{ user: UserEntity; created: boolean }> {
    const wanted = { departmentId: dto.departmentId, name: dto.name ?? null, email: dto.email ?? null };
    const created = await this.dataSource.transaction(async (em) => {
      await assertDepartmentExists(em, wanted.departmentId);
      const current = await em.findOne(UserEntity, { where: { subject }, lock: { mode: 'pessimistic_write' } });
      if (!current) {
        // Two first PUTs for one subject at once: the unique index refuses the second, which answers 409.
        const user = await em.save(em.create(UserEntity, { subject, ...wanted }));
        await this.audit.record(em, ctx, {
          action: 'create',
          entityType: 'user',
          entityId: user.id,
          after: { subject, ...wanted },
        });
        return true;
      }
      const before = pick(current);
      if (MAINTAINED.every((field) => before[field] === wanted[field])) return false;
      // The row is locked, so its version is the current one: PUT replaces without If-Match.
      await updateVersioned(em, UserEntity, 'user', current.id, current.version, wanted);
      await this.audit.record(em, ctx, {
        action: 'update',
        entityType: 'user',
        entityId: current.id,
        before,
        after: wanted,
      });
      return false;
    });
    // After the commit: a request reading the mapping until then may keep the old one, no longer than the TTL.
    this.departmentOfSubject.delete(subject);
    return { user: await this.get(subject), created };
  }

  /**
   * The department a signed-in person acts for: the department claim's code when the token carries one, else
   * the mapping kept here. Null when neither names a known department, which leaves the person read-only.
   */
  departmentIdFor(subject: string, departmentCode: string | null): Promise<string | null> {
    if (departmentCode !== null) {
      return this.departmentByCode.getOrLoad(departmentCode, async () => {
        // A read of reference data's table (docs/adr/0003-cross-context-reads.md); codes are upper-case by rule.
        const row = await queryRow(this.dataSource, DEPARTMENT_BY_CODE_SQL, [departmentCode]);
        return row?.id ?? null;
      });
    }
    return this.departmentOfSubject.getOrLoad(subject, async () => {
      // A statement of its own: TypeORM's findOne built its query anew on every request.
      const user = await queryRow(this.dataSource, USER_DEPARTMENT_SQL, [subject]);
      return user?.departmentId ?? null;
    });
  }
}

/** A read of reference data's table (docs/adr/0003-cross-context-reads.md): identity must not depend on a context that depends on it. */
async function assertDepartmentExists(em: EntityManager, departmentId: string): Promise<void> {
  if (!(await queryRow(em, DEPARTMENT_BY_ID_SQL, [departmentId])))
    throw new UnknownReferenceProblem([{ field: 'departmentId', message: 'no department with this id' }]);
}

function pick(user: UserEntity) {
  return { departmentId: user.departmentId, name: user.name, email: user.email };
}
