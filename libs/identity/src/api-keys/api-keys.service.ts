import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { ConflictProblem, execute, findPage, lockOneOrNotFound, mapPage, type Page, type PageQueryDto } from '#common';
import type { ApiKeyActor, RequestContext } from '../actor.js';
import { UnauthenticatedProblem } from '../auth/auth.problems.js';
import { generateApiKey, matchesHash, prefixOf } from './api-key-secret.js';
import { ApiKeyEntity } from './api-key.entity.js';
import { TOUCH_API_KEY_SQL } from './api-keys.sql.js';

/** `lastUsedAt` is kept to the minute: a busy client must not turn every read into a write. */
const LAST_USED_RESOLUTION_MS = 60_000;

export type ApiKeyView = Omit<ApiKeyEntity, 'secretHash'>;

@Injectable()
export class ApiKeysService {
  constructor(
    @InjectRepository(ApiKeyEntity) private readonly keys: Repository<ApiKeyEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: PageQueryDto): Promise<Page<ApiKeyView>> {
    return mapPage(await findPage(this.keys, query, { order: { name: 'ASC' } }), withoutHash);
  }

  /** The only answer that ever holds the key: only its hash is stored. */
  async create(ctx: RequestContext, dto: { name: string; scopes: string[] }): Promise<ApiKeyView & { key: string }> {
    const { key, prefix, hash } = generateApiKey();
    const saved = await this.dataSource.transaction(async (em) => {
      if (await em.existsBy(ApiKeyEntity, { name: dto.name })) {
        throw new ConflictProblem(`An API key named ${dto.name} already exists.`, [
          { field: 'name', message: 'already exists' },
        ]);
      }
      const row = await em.save(
        em.create(ApiKeyEntity, {
          name: dto.name,
          scopes: dto.scopes,
          prefix,
          secretHash: hash,
          createdBy: ctx.actor.id,
        }),
      );
      await this.audit.record(em, ctx, {
        action: 'create',
        entityType: 'api_key',
        entityId: row.id,
        after: { name: row.name, prefix, scopes: row.scopes },
      });
      return row;
    });
    return { ...withoutHash(saved), key };
  }

  /** Revoking a revoked key changes nothing and answers as before, so a retried call is harmless. */
  async revoke(ctx: RequestContext, id: string): Promise<ApiKeyView> {
    const row = await this.dataSource.transaction(async (em) => {
      const current = await lockOneOrNotFound(em, ApiKeyEntity, 'API key', id);
      if (current.revokedAt) return current;
      const revokedAt = new Date();
      await em.update(ApiKeyEntity, { id }, { revokedAt });
      await this.audit.record(em, ctx, {
        action: 'revoke',
        entityType: 'api_key',
        entityId: id,
        before: { revokedAt: null },
        after: { revokedAt },
      });
      return { ...current, revokedAt };
    });
    return withoutHash(row);
  }

  /** The machine client behind an `X-Api-Key` header; any doubt is a 401 that does not say which part was wrong. */
  async authenticate(presented: string): Promise<ApiKeyActor> {
    const prefix = prefixOf(presented);
    if (!prefix)
      throw new UnauthenticatedProblem('The X-Api-Key header does not hold a Samla API key (samla_<prefix>_<secret>).');
    const row = await this.keys.findOneBy({ prefix });
    if (!row || !matchesHash(presented, row.secretHash)) throw new UnauthenticatedProblem('The API key is not known.');
    if (row.revokedAt) throw new UnauthenticatedProblem('The API key has been revoked.');
    if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) await this.touch(row.id);
    return { kind: 'api_key', id: row.id, name: row.name, scopes: row.scopes };
  }

  private async touch(id: string): Promise<void> {
    await execute(this.dataSource, TOUCH_API_KEY_SQL, [id, LAST_USED_RESOLUTION_MS / 1000]);
  }
}

function withoutHash({ secretHash: _, ...rest }: ApiKeyEntity): ApiKeyView {
  return rest;
}
