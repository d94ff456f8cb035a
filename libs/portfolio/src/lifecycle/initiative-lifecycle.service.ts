import { HttpStatus, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ConflictProblem, DomainException, execute, NotFoundProblem, queryRow } from '#common';
import { canMove, unmetGuards, type GuardFacts, type InitiativeStatus } from './initiative-lifecycle.js';
import { GUARD_FACTS_SQL, lockInitiativeSql, SET_STATUS_SQL } from './initiative-lifecycle.sql.js';
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
  async transition(
    em: EntityManager,
    id: string,
    to: InitiativeStatus,
    comment: string | null,
  ): Promise<InitiativeStatus> {
    // Lock first, then read the facts in a statement of their own: under READ COMMITTED its fresh snapshot sees a
    // PATCH of goals or plan that committed while we waited for the lock (a subquery of the locking statement would not).
    if (!(await queryRow(em, lockInitiativeSql('FOR UPDATE'), [id]))) throw new NotFoundProblem('initiative', id);
    const facts = await this.facts(em, id);
    if (!canMove(facts.status, to)) {
      throw new ConflictProblem(`An initiative that is ${facts.status} cannot move to ${to}.`, [
        { field: 'to', message: `not allowed from ${facts.status}` },
      ]);
    }
    const unmet = unmetGuards(to, facts);
    if (unmet.length) throw new UnmetGuardsProblem(to, unmet);
    await execute(em, SET_STATUS_SQL, [id, to]);
    await em.insert(InitiativeTransitionEntity, { initiativeId: id, fromStatus: facts.status, toStatus: to, comment });
    return facts.status;
  }

  async assertStillMeetsGuards(em: EntityManager, id: string, status: InitiativeStatus): Promise<void> {
    const unmet = unmetGuards(status, await this.facts(em, id));
    if (unmet.length) throw new UnmetGuardsProblem(status, unmet);
  }

  /** Everything the guards look at (GUARD_FACTS_SQL). */
  async facts(em: EntityManager, id: string): Promise<GuardFacts & { status: InitiativeStatus }> {
    const row = await queryRow(em, GUARD_FACTS_SQL, [id]);
    if (!row) throw new NotFoundProblem('initiative', id);
    return row;
  }
}
