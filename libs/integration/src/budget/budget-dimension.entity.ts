import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';

/** A dimension's name as lines use it: lower case, e.g. `ansvar`, `verksamhet`, `projekt`. */
export const DIMENSION_CODE_PATTERN = /^[a-z][a-z0-9_]{0,29}$/;

/**
 * One part of the municipality's account coding string (kodsträng), e.g. ansvar or projekt. Data, not columns:
 * municipalities code differently (design: Budget lines).
 */
@Entity({ name: 'budget_dimensions' })
@Check('ck_budget_dimensions_code', `code ~ '^[a-z][a-z0-9_]{0,29}$'`)
export class BudgetDimensionEntity {
  @PrimaryColumn({ type: 'varchar', length: 30 })
  code: string;

  /** Swedish, as the finance department says it: "Ansvar", "Verksamhet". */
  @Column({ type: 'varchar', length: 100 })
  label: string;

  /** Where it stands in the coding string, from 1; unique, as each PUT replaces the whole set (checked there). */
  @Column({ type: 'integer' })
  position: number;

  /** Every line must name a code of this dimension. */
  @Column({ type: 'boolean', default: true })
  required: boolean;

  /** Lines may only use this dimension's listed codes, each within its validity. */
  @Column({ type: 'boolean', default: false })
  validatesCodes: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** A valid code of a dimension, with its label and the dates it may be booked on (open-ended when null). */
@Entity({ name: 'budget_dimension_codes' })
@Check('ck_budget_dimension_codes_validity', `valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from`)
export class BudgetDimensionCodeEntity {
  @PrimaryColumn({ type: 'varchar', length: 30 })
  dimensionCode: string;

  // Replacing the dimensions removes a dimension's codes with it.
  @ManyToOne(() => BudgetDimensionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'dimension_code', foreignKeyConstraintName: 'fk_budget_dimension_codes_dimension' })
  dimension?: Relation<BudgetDimensionEntity>;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  label: string;

  @Column({ type: 'date', nullable: true })
  validFrom: string | null;

  @Column({ type: 'date', nullable: true })
  validTo: string | null;
}
