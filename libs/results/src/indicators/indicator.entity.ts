import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  Unique,
  type Relation,
  type ValueTransformer,
} from 'typeorm';
import { sqlList, VersionedEntity } from '#common';
import { DepartmentEntity } from '#reference-data';
import { EffectNodeEntity } from '../effect-logic/effect-node.entity.js';
import {
  BREAKDOWNS,
  INDICATOR_DIRECTIONS,
  INDICATOR_SOURCES,
  INDICATOR_UNITS,
  VALUE_AREAS,
  VALUE_KINDS,
  type Breakdown,
  type IndicatorDirection,
  type IndicatorSource,
  type IndicatorUnit,
  type ValueArea,
  type ValueKind,
} from './indicator.vocabulary.js';

/** node-postgres returns `numeric` as a string; indicator figures are far from float's limits, so the API sees numbers. */
const numeric: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null || value === undefined ? value : Number(value)),
};

/** A key figure (nyckeltal), measured per period and breakdown cell (design: Indicator). */
@Entity({ name: 'indicators' })
@Check('ck_indicators_unit', `unit IN (${sqlList(INDICATOR_UNITS)})`)
@Check('ck_indicators_direction', `direction IN (${sqlList(INDICATOR_DIRECTIONS)})`)
@Check('ck_indicators_source', `source IN (${sqlList(INDICATOR_SOURCES)})`)
@Check('ck_indicators_breakdowns', `breakdowns <@ ARRAY[${sqlList(BREAKDOWNS)}]::varchar[]`)
// A Kolada indicator names its KPI ids; no other source has any.
@Check('ck_indicators_kolada_kpis', `(source = 'kolada') = (kolada_kpis IS NOT NULL)`)
export class IndicatorEntity extends VersionedEntity {
  @Index('ux_indicators_code', { unique: true })
  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 300 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  unit: IndicatorUnit;

  @Column({ type: 'varchar', length: 10 })
  direction: IndicatorDirection;

  @Column({ type: 'varchar', length: 30 })
  source: IndicatorSource;

  @Column({ type: 'varchar', length: 20, array: true, default: () => "'{}'" })
  breakdowns: Breakdown[];

  /** Kolada KPI id per breakdown cell: `{"all": "N02267", "born:abroad": "N02268"}` (Kolada splits by sex only). */
  @Column({ type: 'jsonb', nullable: true })
  koladaKpis: Record<string, string> | null;

  /** The department that collects the figures: it sees values resting on fewer than 5 persons. */
  @Index('ix_indicators_owner_department_id')
  @Column({ type: 'uuid' })
  ownerDepartmentId: string;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_department_id', foreignKeyConstraintName: 'fk_indicators_owner_department' })
  ownerDepartment?: Relation<DepartmentEntity>;
}

/** A measurement, baseline or target for one period and one breakdown cell. */
@Entity({ name: 'indicator_values' })
// Also the index for reading an indicator's values (its leading column).
@Unique('ux_indicator_values_point', ['indicatorId', 'period', 'cell', 'kind', 'area'])
@Check('ck_indicator_values_kind', `kind IN (${sqlList(VALUE_KINDS)})`)
@Check('ck_indicator_values_area', `area IN (${sqlList(VALUE_AREAS)})`)
// Sweden's figures are there to compare with: no baseline or target of ours is Sweden's.
@Check('ck_indicator_values_sweden_measured', `area = 'municipality' OR kind = 'measurement'`)
@Check(
  'ck_indicator_values_share',
  `num_nonnulls(numerator, denominator) <> 1 AND (denominator IS NULL OR denominator > 0)`,
)
@Check('ck_indicator_values_persons', `persons IS NULL OR persons >= 0`)
@Check('ck_indicator_values_period', `period_start <= period_end`)
export class IndicatorValueEntity extends VersionedEntity {
  @Column({ type: 'uuid' })
  indicatorId: string;

  @ManyToOne(() => IndicatorEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'indicator_id', foreignKeyConstraintName: 'fk_indicator_values_indicator' })
  indicator?: Relation<IndicatorEntity>;

  @Column({ type: 'varchar', length: 20 })
  kind: ValueKind;

  /** `sweden` only for Kolada's figures for the whole country (imported, never entered by hand). */
  @Column({ type: 'varchar', length: 20, default: 'municipality' })
  area: ValueArea;

  /** `2024`, `2024-H1`, `2024-Q3` or `2024-05`; its first and last day are kept so periods order by when they end. */
  @Column({ type: 'varchar', length: 7 })
  period: string;

  @Column({ type: 'date' })
  periodStart: string;

  @Column({ type: 'date' })
  periodEnd: string;

  /** The canonical breakdown cell: `all`, or `sex:women,born:abroad` in the order of BREAKDOWNS. */
  @Column({ type: 'varchar', length: 200 })
  cell: string;

  @Column({ type: 'numeric', transformer: numeric })
  value: number;

  @Column({ type: 'numeric', nullable: true, transformer: numeric })
  numerator: number | null;

  @Column({ type: 'numeric', nullable: true, transformer: numeric })
  denominator: number | null;

  /** How many persons the value rests on; below 5 it is suppressed outside the owning department. */
  @Column({ type: 'integer', nullable: true })
  persons: number | null;

  @Column({ type: 'text', nullable: true })
  sourceNote: string | null;
}

/** "This indicator measures this outcome." Created, never changed. */
@Entity({ name: 'indicator_effect_nodes' })
export class IndicatorEffectNodeEntity {
  @PrimaryColumn({ type: 'uuid' })
  effectNodeId: string;

  @ManyToOne(() => EffectNodeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'effect_node_id', foreignKeyConstraintName: 'fk_indicator_effect_nodes_node' })
  effectNode?: Relation<EffectNodeEntity>;

  // The baseline scan and "which outcomes does it measure" both start from the indicator.
  @Index('ix_indicator_effect_nodes_indicator_id')
  @PrimaryColumn({ type: 'uuid' })
  indicatorId: string;

  @ManyToOne(() => IndicatorEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'indicator_id', foreignKeyConstraintName: 'fk_indicator_effect_nodes_indicator' })
  indicator?: Relation<IndicatorEntity>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
