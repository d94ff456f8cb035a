import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  Clock,
  execute,
  NotFoundProblem,
  queryOne,
  queryRows,
  RuleViolationProblem,
  ValidationProblem,
  type Page,
} from '#common';
import { AuditService, type RequestContext } from '#identity';
import { OverlapRefreshService } from './overlap-refresh.service.js';
import { OverlapReviewEntity } from './overlap-review.entity.js';
import { orderPair } from './overlap-rules.js';
import type { OverlapPairDto, OverlapReviewDto, OverlapsQueryDto } from './overlaps.dto.js';
import { buildOverlapsSql, buildPairFingerprintSql, REVIEW_LOCK_SQL, SHARE_INITIATIVES_SQL } from './overlaps.sql.js';

/** Enough pairs for one meeting's agenda; the rest are a click away in GET /portfolio/overlaps. */
const OVERLAPS_TO_DISCUSS = 15;

@Injectable()
export class OverlapsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly refresher: OverlapRefreshService,
  ) {}

  /** The pairs the leadership group should discuss (no standing verdict, at the alert threshold), best first. */
  toDiscuss(): Promise<Page<OverlapPairDto>> {
    return this.list({ minScore: this.refresher.meetingFloor, limit: OVERLAPS_TO_DISCUSS, offset: 0 });
  }

  /**
   * One page of the stored pairs with their verdicts. It never rescores: the worker keeps the pairs current from the
   * overlap outbox (OverlapRefreshService). Pairs below the storage floor are not stored, so a lower `minScore` is
   * refused rather than answered short.
   */
  async list(query: OverlapsQueryDto): Promise<Page<OverlapPairDto>> {
    const floor = this.refresher.floor;
    const minScore = query.minScore ?? floor;
    if (minScore < floor) {
      throw new ValidationProblem(
        [
          {
            field: 'minScore',
            message: `minScore must be at least ${floor}: pairs scoring less are not kept (OVERLAP_LIST_MIN_SCORE)`,
          },
        ],
        'query',
      );
    }
    return (
      await queryOne(
        this.dataSource,
        buildOverlapsSql({ ...query, minScore, includeReviewed: query.include === 'reviewed' }),
      )
    ).page;
  }

  /**
   * Records (or replaces) the verdict on a pair, with the fingerprint of the facts its score rests on now. Both
   * initiatives are read FOR SHARE so that neither changes between the fingerprint and the commit.
   */
  async review(
    ctx: RequestContext,
    initiativeId: string,
    otherInitiativeId: string,
    dto: OverlapReviewDto,
  ): Promise<OverlapReviewEntity> {
    if (initiativeId.toLowerCase() === otherInitiativeId.toLowerCase()) {
      throw new RuleViolationProblem('An overlap is between two different initiatives.', [
        { field: 'otherInitiativeId', message: 'must differ from initiativeId' },
      ]);
    }
    const [a, b] = orderPair(initiativeId, otherInitiativeId);
    return this.dataSource.transaction(async (em) => {
      const found = await queryRows(em, SHARE_INITIATIVES_SQL, [[a, b]]);
      const missing = [initiativeId, otherInitiativeId].find((id) => !found.some((row) => row.id === id.toLowerCase()));
      if (missing) throw new NotFoundProblem('initiative', missing);
      await execute(em, REVIEW_LOCK_SQL, [`${a}:${b}`]);
      const { fingerprint } = await queryOne(em, buildPairFingerprintSql(a, b));
      const repo = em.getRepository(OverlapReviewEntity);
      const before = await repo.findOneBy({ initiativeId: a, otherInitiativeId: b });
      const verdict = {
        verdict: dto.verdict,
        note: dto.note ?? null,
        fingerprint,
        reviewedBy: ctx.actor.name,
        reviewedAt: this.clock.now(),
      };
      const after = before
        ? await repo.save({ ...before, ...verdict, version: before.version + 1 })
        : await repo.save(repo.create({ initiativeId: a, otherInitiativeId: b, ...verdict }));
      await this.audit.record(em, ctx, {
        action: 'decision',
        entityType: 'overlap_review',
        entityId: after.id,
        initiativeId: a,
        before,
        after,
      });
      return after;
    });
  }
}
