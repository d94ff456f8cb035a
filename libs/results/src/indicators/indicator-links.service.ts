import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ConflictProblem, NotFoundProblem, queryRow, RuleViolationProblem, UnknownReferenceProblem } from '#common';
import { AuditService, type RequestContext } from '#identity';
import { lockChainForWrite } from '../effect-logic/effect-chain-access.js';
import { EffectNodeEntity } from '../effect-logic/effect-node.entity.js';
import type { IndicatorLinkDto, LinkIndicatorDto } from './dto/indicator.dto.js';
import { MEASURABLE_LEVELS } from './indicator-links.js';
import { IndicatorEntity } from './indicator.entity.js';
import { LINK_INDICATOR_SQL, SHARE_NODE_LEVEL_SQL } from './indicators.sql.js';

/** Which outcome of an effect chain an indicator measures. */
@Injectable()
export class IndicatorLinksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Linking an indicator to an outcome is writing that outcome's chain, so the chain's writers may do it. */
  async link(ctx: RequestContext, effectNodeId: string, dto: LinkIndicatorDto): Promise<IndicatorLinkDto> {
    return this.dataSource.transaction(async (em) => {
      const node = await em.findOneBy(EffectNodeEntity, { id: effectNodeId });
      if (!node) throw new NotFoundProblem('effect node', effectNodeId);
      await lockChainForWrite(em, ctx.actor, node);
      // FOR SHARE: a level change waits until the link is in, and is then judged with it.
      const locked = await queryRow(em, SHARE_NODE_LEVEL_SQL, [effectNodeId]);
      if (!locked) throw new NotFoundProblem('effect node', effectNodeId);
      if (!MEASURABLE_LEVELS.includes(locked.level)) {
        throw new RuleViolationProblem(`Indicators measure outcomes and impact; this node is an ${locked.level}.`, [
          {
            field: 'indicatorId',
            message: `a ${locked.level} node takes no indicator (only ${MEASURABLE_LEVELS.join(', ')})`,
          },
        ]);
      }
      if (!(await em.existsBy(IndicatorEntity, { id: dto.indicatorId })))
        throw new UnknownReferenceProblem([{ field: 'indicatorId', message: 'no indicator with this id' }]);
      const link = await queryRow(em, LINK_INDICATOR_SQL, [effectNodeId, dto.indicatorId]);
      if (!link)
        throw new ConflictProblem('The indicator is already linked to this node.', [
          { field: 'indicatorId', message: 'already linked' },
        ]);
      await this.audit.record(em, ctx, {
        action: 'create',
        entityType: 'indicator_effect_node',
        entityId: effectNodeId,
        initiativeId: node.initiativeId,
        after: { indicatorId: link.indicatorId, effectNodeId },
      });
      return link;
    });
  }
}
