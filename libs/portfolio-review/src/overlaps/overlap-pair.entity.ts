import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { InitiativeEntity } from '#portfolio';

/**
 * A scored candidate pair at or above OVERLAP_LIST_MIN_SCORE, precomputed by the overlap refresh (design: Portfolio
 * review; computed on read the 20,000-initiative portfolio's millions of candidates do not fit a request). Lower id
 * first. `fingerprint` is the pair fingerprint a verdict compares with; `reasons` as the list answers them.
 */
@Entity({ name: 'overlap_pairs' })
@Check('ck_overlap_pairs_order', `initiative_id < other_initiative_id`)
// The list reads best first: a btree on score serves ORDER BY score DESC by scanning backwards.
@Index('ix_overlap_pairs_score', ['score'])
export class OverlapPairEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_overlap_pairs' })
  initiativeId: string;

  // Rows of a closed initiative are removed by the refresh; a deleted one (a draft only) takes them with it.
  @ManyToOne(() => InitiativeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'initiative_id', foreignKeyConstraintName: 'fk_overlap_pairs_initiative' })
  initiative?: Relation<InitiativeEntity>;

  // The refresh deletes the pairs of a changed initiative by either id.
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_overlap_pairs' })
  @Index('ix_overlap_pairs_other_initiative_id')
  otherInitiativeId: string;

  @ManyToOne(() => InitiativeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'other_initiative_id', foreignKeyConstraintName: 'fk_overlap_pairs_other_initiative' })
  otherInitiative?: Relation<InitiativeEntity>;

  @Column({ type: 'float8' })
  score: number;

  @Column({ type: 'jsonb' })
  reasons: unknown[];

  @Column({ type: 'char', length: 32 })
  fingerprint: string;

  @Column({ type: 'timestamptz' })
  computedAt: Date;
}

/**
 * The facts fingerprint of each open initiative when its pairs were last scored, with its text as the scoring reads
 * it: the refresh rescores only the initiatives whose fingerprint differs (or that have none) and drops those no
 * longer open.
 */
@Entity({ name: 'overlap_facts' })
// GIN, created by the OverlapOutbox migration; declared so schema comparison leaves it alone.
@Index('ix_overlap_facts_blocks', { synchronize: false })
export class OverlapFactsEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_overlap_facts' })
  initiativeId: string;

  @ManyToOne(() => InitiativeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'initiative_id', foreignKeyConstraintName: 'fk_overlap_facts_initiative' })
  initiative?: Relation<InitiativeEntity>;

  @Column({ type: 'char', length: 32 })
  fingerprint: string;

  /** Its distinct trigrams of "title summary" (lower-cased), hashed and sorted: the text similarity's operands. */
  @Column({ type: 'int', array: true })
  grams: number[];

  /** Its distinct Swedish lexemes of title and summary, hashed and sorted. */
  @Column({ type: 'int', array: true })
  words: number[];

  /**
   * Its blocking keys (target group × district or priority area), hashed: a rescore finds its candidate partners
   * here through a GIN index. A hash collision only adds a candidate.
   */
  @Column({ type: 'bigint', array: true })
  blocks: string[];

  @Column({ type: 'timestamptz' })
  scoredAt: Date;
}
