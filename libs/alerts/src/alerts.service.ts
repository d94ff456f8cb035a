import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository, type EntityManager } from 'typeorm';
import { ConflictProblem, findOneOrNotFound, getPage, lockOneOrNotFound, queryRows, type Page } from '#common';
import {
  AuditService,
  ForbiddenProblem,
  mayWriteForDepartments,
  type Actor,
  type RequestContext,
  type Role,
} from '#identity';
import { ALERT_SEVERITIES, AlertEntity, type AlertStatus } from './alert.entity.js';
import type { AlertDto, ListAlertsQueryDto } from './dto/alert.dto.js';
import { ALERT_SUBJECT_NAMES_SQL } from './alerts.sql.js';

/** Roles that handle any department's alerts; the others (with `alerts:handle`) only their own department's. */
const ALL_DEPARTMENTS: readonly Role[] = ['leadership'];

/** The statuses an alert may be in for each move: a resolved alert is history, and each move happens once. */
const MOVES = {
  acknowledge: { from: ['open'], to: 'acknowledged' },
  dismiss: { from: ['open', 'acknowledged'], to: 'dismissed' },
} as const satisfies Record<string, { from: readonly AlertStatus[]; to: AlertStatus }>;
type Move = keyof typeof MOVES;

const logger = new Logger('Alerts');

@Injectable()
export class AlertsService {
  constructor(
    @InjectRepository(AlertEntity) private readonly alerts: Repository<AlertEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Most severe first, then the nearest due date, so the top of the list is what to look at first. */
  async list(query: ListAlertsQueryDto): Promise<Page<AlertDto>> {
    const q = this.alerts.createQueryBuilder('a');
    for (const field of ['kind', 'status', 'severity', 'initiativeId', 'departmentId'] as const) {
      if (query[field] !== undefined) q.andWhere(`a.${field} = :${field}`, { [field]: query[field] });
    }
    q.addSelect('array_position(:severities::text[], a.severity)', 'severity_rank')
      .setParameter('severities', ALERT_SEVERITIES)
      .orderBy('severity_rank', 'DESC')
      .addOrderBy('a.dueDate', 'ASC', 'NULLS LAST')
      .addOrderBy('a.firstRaisedAt', 'ASC')
      .addOrderBy('a.id', 'ASC');
    const page = await getPage(q, query);
    return { ...page, items: await this.named(page.items) };
  }

  async get(id: string): Promise<AlertDto> {
    const [alert] = await this.named([await findOneOrNotFound(this.alerts, 'alert', id)]);
    return alert;
  }

  /** The alerts as the API answers them, naming their initiative and department (one statement for the page). */
  private async named(alerts: AlertEntity[]): Promise<AlertDto[]> {
    const initiativeIds = [...new Set(alerts.map((a) => a.initiativeId).filter((id): id is string => id !== null))];
    const departmentIds = [...new Set(alerts.map((a) => a.departmentId).filter((id): id is string => id !== null))];
    const rows =
      initiativeIds.length + departmentIds.length === 0
        ? []
        : await queryRows(this.dataSource, ALERT_SUBJECT_NAMES_SQL, [initiativeIds, departmentIds]);
    const names = new Map(rows.map((row) => [`${row.kind}:${row.id}`, row]));
    return alerts.map((alert) => {
      const initiative = alert.initiativeId === null ? undefined : names.get(`initiative:${alert.initiativeId}`);
      const department = alert.departmentId === null ? undefined : names.get(`department:${alert.departmentId}`);
      return {
        ...toAlertDto(alert),
        initiativeCode: initiative?.code ?? null,
        initiativeTitle: initiative?.name ?? null,
        departmentCode: department?.code ?? null,
        departmentName: department?.name ?? null,
      };
    });
  }

  acknowledge(ctx: RequestContext, id: string): Promise<AlertDto> {
    return this.move(ctx, id, 'acknowledge', { acknowledgedBy: ctx.actor.id, acknowledgedAt: () => 'now()' });
  }

  dismiss(ctx: RequestContext, id: string, reason: string): Promise<AlertDto> {
    return this.move(ctx, id, 'dismiss', {
      dismissedBy: ctx.actor.id,
      dismissedAt: () => 'now()',
      dismissReason: reason,
    });
  }

  /** Locks the alert, so a scan escalating or resolving it at the same moment waits, or is waited for. */
  private async move(ctx: RequestContext, id: string, move: Move, changes: Record<string, unknown>): Promise<AlertDto> {
    const after = await this.dataSource.transaction(async (em) => {
      const before = await lockOneOrNotFound(em, AlertEntity, 'alert', id);
      assertMayHandle(ctx.actor, before);
      const { from, to } = MOVES[move];
      if (!(from as readonly AlertStatus[]).includes(before.status)) {
        throw new ConflictProblem(
          `The alert is ${before.status}; only an alert that is ${from.join(' or ')} can be ${to}.`,
        );
      }
      await this.update(em, id, { ...changes, status: to });
      const updated = await em.findOneByOrFail(AlertEntity, { id });
      await this.audit.record(em, ctx, {
        action: 'transition',
        entityType: 'alert',
        entityId: id,
        initiativeId: before.initiativeId,
        before,
        after: updated,
      });
      return updated;
    });
    const [named] = await this.named([after]);
    return named;
  }

  private update(em: EntityManager, id: string, changes: Record<string, unknown>) {
    return em
      .createQueryBuilder()
      .update(AlertEntity)
      .set({ ...changes, version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('id = :id', { id })
      .execute();
  }
}

function assertMayHandle(actor: Actor, alert: AlertEntity): void {
  const everywhere = actor.kind === 'user' && actor.roles.some((role) => ALL_DEPARTMENTS.includes(role));
  if (everywhere || mayWriteForDepartments(actor, [alert.departmentId])) return;
  const detail =
    "Only the alert's department, leadership and admins handle an alert; your department is not the alert's.";
  logger.warn({ actor: { kind: actor.kind, id: actor.id }, detail }, 'Refused: not allowed on this record');
  throw new ForbiddenProblem(detail);
}

/** Kronor as a number: node-postgres reads bigint as a string, and amounts stay below 2^53. */
export function toAlertDto(
  alert: AlertEntity,
): Omit<AlertDto, 'initiativeCode' | 'initiativeTitle' | 'departmentCode' | 'departmentName'> {
  return { ...alert, amountSek: alert.amountSek === null ? null : Number(alert.amountSek) };
}
