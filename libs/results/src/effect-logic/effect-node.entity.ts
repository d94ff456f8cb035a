import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  type Relation,
} from 'typeorm';
import { sqlList, VersionedEntity } from '#common';
import { GoalEntity } from '#goals';
import { InitiativeEntity } from '#portfolio';

/** The levels of an effect-logic chain, in the order links must follow (design: Effect logic). */
export const EFFECT_LEVELS = ['activity', 'output', 'short_term_outcome', 'long_term_outcome', 'impact'] as const;
export type EffectLevel = (typeof EFFECT_LEVELS)[number];

/** One step of an effect-logic chain, owned by exactly one initiative or one goal (e.g. a priority area's chain). */
@Entity({ name: 'effect_nodes' })
@Check('ck_effect_nodes_level', `level IN (${sqlList(EFFECT_LEVELS)})`)
@Check('ck_effect_nodes_one_owner', `num_nonnulls(initiative_id, goal_id) = 1`)
export class EffectNodeEntity extends VersionedEntity {
  @Column({ type: 'varchar', length: 30 })
  level: EffectLevel;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Index('ix_effect_nodes_initiative_id')
  @Column({ type: 'uuid', nullable: true })
  initiativeId: string | null;

  // Only a draft initiative can be deleted; its effect logic goes with it.
  @ManyToOne(() => InitiativeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'initiative_id', foreignKeyConstraintName: 'fk_effect_nodes_initiative' })
  initiative?: Relation<InitiativeEntity>;

  @Index('ix_effect_nodes_goal_id')
  @Column({ type: 'uuid', nullable: true })
  goalId: string | null;

  @ManyToOne(() => GoalEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'goal_id', foreignKeyConstraintName: 'fk_effect_nodes_goal' })
  goal?: Relation<GoalEntity>;
}

/** "from contributes to to". Links are created and deleted, never changed, so they carry no version. */
@Entity({ name: 'effect_links' })
@Unique('ux_effect_links_pair', ['fromNodeId', 'toNodeId'])
@Check('ck_effect_links_not_self', `from_node_id <> to_node_id`)
export class EffectLinkEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  fromNodeId: string;

  @ManyToOne(() => EffectNodeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'from_node_id', foreignKeyConstraintName: 'fk_effect_links_from_node' })
  fromNode?: Relation<EffectNodeEntity>;

  // Walking a chain backwards (who contributes to this node?) starts from the target.
  @Index('ix_effect_links_to_node_id')
  @Column({ type: 'uuid' })
  toNodeId: string;

  @ManyToOne(() => EffectNodeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'to_node_id', foreignKeyConstraintName: 'fk_effect_links_to_node' })
  toNode?: Relation<EffectNodeEntity>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
