import { Column, Entity, Index } from 'typeorm';
import { VersionedEntity } from '#common';

/** A code and a Swedish name: the shape of the small reference lists initiatives point at. */
export abstract class CodeListEntity extends VersionedEntity {
  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;
}

/** A group an initiative serves, e.g. "Unga 16–24 som varken arbetar eller studerar". Groups, never persons. */
@Entity({ name: 'target_groups' })
@Index('ux_target_groups_code', ['code'], { unique: true })
export class TargetGroupEntity extends CodeListEntity {}

/** A district (stadsdel) an initiative works in, e.g. Kronogården. */
@Entity({ name: 'districts' })
@Index('ux_districts_code', ['code'], { unique: true })
export class DistrictEntity extends CodeListEntity {}
