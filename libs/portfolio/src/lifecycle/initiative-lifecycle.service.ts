import { HttpStatus, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ConflictProblem, DomainException, NotFoundProblem } from '#common';
import { canMove, unmetGuards, type GuardFacts, type InitiativeStatus } from './initiative-lifecycle.js';
import { InitiativeTransitionEntity } from './initiative-transition.entity.js';

export class UnmetGuardsProblem extends DomainException {
  constructor(to: InitiativeStatus, unmet: { guard: string; message: string }[]) {
    super(
      HttpStatus.UNPROCESSABLE_ENTITY,
      '/problems/unmet-guards',
      'Lifecycle guard not met',
      `The initiative cannot be ${to}: ${unmet.map((u) => u.message).join('; ')}.`,
      { unmetGuards: unmet.map((u) => u.guard), errors: unmet.map((u) => ({ field: u.guard, message: u.message })) },
    );
  }
}

/** Lifecycle moves and their guards; the only way an initiative's status changes. */
@Injectable()
export class InitiativeLifecycleService {
  /** Moves the initiative and records the move with its comment, in one transaction. Returns the status it moved from; the caller reads the rest. */
  async transition(em: EntityManager, id: string, to: InitiativeStatus, comment: string | null): Promise<InitiativeStatus> {
    // Lock first, then read the facts in a statement of their own: under READ COMMITTED its fresh snapshot sees a
    // PATCH of goals or plan that committed while we waited for the lock (a subquery of the locking statement would not).
    const locked: unknown[] = await em.query(`SELECT 1 FROM initiatives WHERE id = $1 FOR UPDATE`, [id]);
    if (locked.length === 0) throw new NotFoundProblem('initiative', id);
    const facts = await this.facts(em, id);
    if (!canMove(facts.status, to)) {
      throw new ConflictProblem(`An initiative that is ${facts.status} cannot move to ${to}.`, [{ field: 'to', message: `not allowed from ${facts.status}` }]);
    }
    const unmet = unmetGuards(to, facts);
    if (unmet.length) throw new UnmetGuardsProblem(to, unmet);
    await em.query(`UPDATE initiatives SET status = $2, version = version + 1, updated_at = now() WHERE id = $1`, [id, to]);
    await em.insert(InitiativeTransitionEntity, { initiativeId: id, fromStatus: facts.status, toStatus: to, comment });
    return facts.status;
  }

  async assertStillMeetsGuards(em: EntityManager, id: string, status: InitiativeStatus): Promise<void> {
    const unmet = unmetGuards(status, await this.facts(em, id));
    if (unmet.length) throw new UnmetGuardsProblem(status, unmet);
  }

  /** Everything the guards look at, in one query. Rejected funding applications are not funding. */
  async facts(em: EntityManager, id: string): Promise<GuardFacts & { status: InitiativeStatus }> {
    const [row] = await em.query(
      `SELECT i.status,
              i.lead_department_id AS "leadDepartmentId",
              (SELECT count(*)::int FROM initiative_goals g WHERE g.initiative_id = i.id) AS "goalCount",
              (SELECT count(*)::int FROM funding_lines f WHERE f.initiative_id = i.id AND f.status <> 'rejected') AS "fundingLineCount",
              i.follow_up_plan IS NOT NULL AS "hasFollowUpPlan",
              i.start_date AS "startDate"
         FROM initiatives i
        WHERE i.id = $1`,
      [id],
    );
    if (!row) throw new NotFoundProblem('initiative', id);
    return row;
  }
}
