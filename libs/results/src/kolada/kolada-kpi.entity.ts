import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Kolada's description of a KPI as last fetched by the `kolada-import` job. A KPI Kolada no longer describes keeps its
 * last row (and `fetchedAt` tells how old it is): our copy of its values still needs a title.
 */
@Entity({ name: 'kolada_kpis' })
export class KoladaKpiEntity {
  /** Kolada's KPI id, `N02267`. */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  id: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'text', nullable: true })
  operatingArea: string | null;

  /** Kolada also has the KPI per organisational unit (school, care home), not only per municipality. */
  @Column({ type: 'boolean', nullable: true })
  hasOuData: boolean | null;

  @Column({ type: 'timestamptz' })
  fetchedAt: Date;
}
