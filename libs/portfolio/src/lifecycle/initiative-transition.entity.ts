import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { InitiativeEntity } from '../initiatives/initiative.entity.js';
import type { InitiativeStatus } from './initiative-lifecycle.js';

/** Each lifecycle move with its comment, so the reason for a status is never lost. */
@Entity({ name: 'initiative_transitions' })
export class InitiativeTransitionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_initiative_transitions_initiative_id')
  @Column({ type: 'uuid' })
  initiativeId: string;

  @ManyToOne(() => InitiativeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'initiative_id', foreignKeyConstraintName: 'fk_initiative_transitions_initiative' })
  initiative?: Relation<InitiativeEntity>;

  @Column({ type: 'varchar', length: 20 })
  fromStatus: InitiativeStatus;

  @Column({ type: 'varchar', length: 20 })
  toStatus: InitiativeStatus;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
