import { Column, Entity, Index } from 'typeorm';
import { VersionedEntity } from '#common';

/** A meeting of the leadership group's portfolio review (ledningsgruppens portföljgenomgång), e.g. "Portföljgenomgång november 2026". */
@Entity({ name: 'portfolio_reviews' })
export class PortfolioReviewEntity extends VersionedEntity {
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Index('ix_portfolio_reviews_meeting_date')
  @Column({ type: 'date' })
  meetingDate: string;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  /** The actor id of whoever recorded the review. */
  @Column({ type: 'varchar', length: 200 })
  createdBy: string;
}
