import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique, type Relation } from 'typeorm';
import { sqlList, VersionedEntity } from '#common';
import { InitiativeEntity } from '#portfolio';
import { OVERLAP_VERDICTS, type OverlapVerdict } from './overlap-rules.js';

/**
 * The leadership group's verdict on one pair of initiatives (design: Portfolio review), one row per pair, the lower
 * id first (`orderPair`). `fingerprint` is what the score rested on when the verdict was given (both initiatives'
 * target groups, districts, priority areas, outcome nodes, title and summary, hashed in SQL): while the current
 * fingerprint is the same the pair stays quiet; when it differs the verdict is stale and the pair shows again.
 */
@Entity({ name: 'overlap_reviews' })
@Unique('ux_overlap_reviews_pair', ['initiativeId', 'otherInitiativeId'])
@Check('ck_overlap_reviews_order', `initiative_id < other_initiative_id`)
@Check('ck_overlap_reviews_verdict', `verdict IN (${sqlList(OVERLAP_VERDICTS)})`)
export class OverlapReviewEntity extends VersionedEntity {
  @Column({ type: 'uuid' })
  initiativeId: string;

  // A verdict is about two live initiatives; deleting one (a draft only) takes the verdict with it.
  @ManyToOne(() => InitiativeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'initiative_id', foreignKeyConstraintName: 'fk_overlap_reviews_initiative' })
  initiative?: Relation<InitiativeEntity>;

  // Deleting an initiative looks its verdicts up by the second id too (the unique index serves the first).
  @Index('ix_overlap_reviews_other_initiative_id')
  @Column({ type: 'uuid' })
  otherInitiativeId: string;

  @ManyToOne(() => InitiativeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'other_initiative_id', foreignKeyConstraintName: 'fk_overlap_reviews_other_initiative' })
  otherInitiative?: Relation<InitiativeEntity>;

  @Column({ type: 'varchar', length: 20 })
  verdict: OverlapVerdict;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** md5 of the facts the score rests on, when the verdict was given. */
  @Column({ type: 'char', length: 32 })
  fingerprint: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reviewedBy: string | null;

  @Column({ type: 'timestamptz' })
  reviewedAt: Date;
}
