import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { sqlList } from '#common';
import { INITIATIVE_STATUSES, InitiativeEntity, type InitiativeStatus } from '#portfolio';
import { PORTFOLIO_DECISIONS, type PortfolioDecision } from './decision-rules.js';
import { PortfolioReviewEntity } from './portfolio-review.entity.js';

/**
 * A decision about one initiative at one review, with its rationale and a date to follow it up. Never changed once
 * taken: a later review takes a new decision. One per initiative per review.
 */
@Entity({ name: 'portfolio_decisions' })
@Index('ux_portfolio_decisions_review_initiative', ['reviewId', 'initiativeId'], { unique: true })
@Check('ck_portfolio_decisions_decision', `decision IN (${sqlList(PORTFOLIO_DECISIONS)})`)
@Check('ck_portfolio_decisions_from_status', `from_status IN (${sqlList(INITIATIVE_STATUSES)})`)
@Check('ck_portfolio_decisions_to_status', `to_status IN (${sqlList(INITIATIVE_STATUSES)})`)
@Check('ck_portfolio_decisions_move', `(from_status IS NULL) = (to_status IS NULL)`)
export class PortfolioDecisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  reviewId: string;

  @ManyToOne(() => PortfolioReviewEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'review_id', foreignKeyConstraintName: 'fk_portfolio_decisions_review' })
  review?: Relation<PortfolioReviewEntity>;

  /** The history per initiative and the follow-up scan read by initiative. */
  @Index('ix_portfolio_decisions_initiative_id')
  @Column({ type: 'uuid' })
  initiativeId: string;

  // Only a draft initiative can be deleted, and its decisions go with it, as its funding lines do.
  @ManyToOne(() => InitiativeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'initiative_id', foreignKeyConstraintName: 'fk_portfolio_decisions_initiative' })
  initiative?: Relation<InitiativeEntity>;

  @Column({ type: 'varchar', length: 20 })
  decision: PortfolioDecision;

  @Column({ type: 'text' })
  rationale: string;

  @Column({ type: 'date', nullable: true })
  followUpDate: string | null;

  /** The status the decision moved the initiative from and to; both null when it left the status alone. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  fromStatus: InitiativeStatus | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  toStatus: InitiativeStatus | null;

  /** The actor id of whoever recorded the decision. */
  @Column({ type: 'varchar', length: 200 })
  decidedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
