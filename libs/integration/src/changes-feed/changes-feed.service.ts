import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { queryRows } from '#common';
import { decodeCursor, encodeCursor, FEED_START } from './changes-feed-cursor.js';
import type { ChangesFeedItemDto, ChangesFeedPageDto, ChangesFeedQueryDto } from './changes-feed.dto.js';
import { CHANGES_FEED_PAGE_SQL, type FeedRow } from './changes-feed.sql.js';

/** The outbound changes feed for the budget system (design: docs/integration.md, "How the feed works"). */
@Injectable()
export class ChangesFeedService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(query: ChangesFeedQueryDto): Promise<ChangesFeedPageDto> {
    // The DTO has validated the cursor already.
    const cursor = query.cursor === undefined ? FEED_START : decodeCursor(query.cursor)!;
    const rows = await queryRows(this.dataSource, CHANGES_FEED_PAGE_SQL, [
      cursor.xid,
      cursor.position,
      query.limit + 1,
    ]);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map(toItem),
      nextCursor: encodeCursor(last ? { xid: last.xid, position: last.position } : cursor),
      hasMore: rows.length > query.limit,
    };
  }
}

function toItem(row: FeedRow): ChangesFeedItemDto {
  const item: ChangesFeedItemDto = {
    kind: row.kind,
    id: row.id,
    deleted: row.deleted,
    initiative: null,
    fundingLine: null,
  };
  if (row.deleted) return item;
  if (row.kind === 'initiative') {
    item.initiative = {
      code: row.code,
      title: row.title,
      kind: row.initiative_kind,
      status: row.status,
      leadDepartmentCode: row.lead_department_code,
      budgetProjectCode: row.budget_project_code,
      startDate: row.start_date,
      endDate: row.end_date,
      annualCostSek: row.annual_cost_sek === null ? null : Number(row.annual_cost_sek),
      version: row.version,
      updatedAt: row.updated_at,
    };
  } else {
    item.fundingLine = {
      initiativeId: row.initiative_id,
      initiativeCode: row.initiative_code,
      sourceType: row.source_type,
      funder: row.funder,
      decisionReference: row.decision_reference,
      amountSek: Number(row.amount_sek),
      periodStart: row.period_start,
      periodEnd: row.period_end,
      status: row.funding_status,
      renewable: row.renewable,
      successorFundingId: row.successor_funding_id,
      budgetProjectCode: row.funding_budget_project_code,
      coverageDecision: row.coverage_decision,
      coverageDecidedOn: row.coverage_decided_on,
      version: row.funding_version,
      updatedAt: row.funding_updated_at,
    };
  }
  return item;
}
