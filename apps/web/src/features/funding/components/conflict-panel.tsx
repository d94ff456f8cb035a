import { useEffect, useId, useRef } from 'react';
import type { Control, FieldPath, FieldValues } from 'react-hook-form';
import { RadioGroupField } from '../../../components/forms/fields';
import type { VersionComparison } from '../utils/funding-form';
import { fundingMessages } from '../messages';
import { LevelHeading, type HeadingLevel } from './funding-parts';
import styles from './funding.module.css';

const t = fundingMessages.conflict;

export type Resolution = 'mine' | 'theirs';

/** The choices a conflict asks for live in the form beside its fields, as `resolution.<field>`. */
export const resolutionPath = (field: string) => `resolution.${field}`;

export type Conflict<F extends string> = {
  comparison: VersionComparison<F>;
  /** What the person had typed, and what is stored now, each in the API's form. */
  mine: Record<F, unknown>;
  theirs: Record<F, unknown>;
};

type Props<T extends FieldValues, F extends string> = {
  conflict: Conflict<F>;
  level: HeadingLevel;
  control: Control<T>;
  labels: Record<F, string>;
  describe: (field: F, value: unknown) => string;
};

/**
 * After a 412: says that someone else saved first, lists what of theirs was taken into the form (fields the person had
 * not touched), and asks per field, where both changed it, which value is to stand. Nothing is overwritten until the
 * person has chosen and saves again. Takes focus and is announced, as the error summary is.
 */
export function ConflictPanel<T extends FieldValues, F extends string>({
  conflict,
  level,
  control,
  labels,
  describe,
}: Props<T, F>) {
  const ref = useRef<HTMLDivElement>(null);
  const headingId = useId();
  useEffect(() => {
    ref.current?.focus();
  }, [conflict]);
  const { taken, contested } = conflict.comparison;
  return (
    <div ref={ref} tabIndex={-1} role="alert" aria-labelledby={headingId} className={styles.conflict}>
      <LevelHeading level={level} id={headingId} className={styles.conflictHeading}>
        {t.heading}
      </LevelHeading>
      <p>{contested.length > 0 ? t.lead : t.nothingContested}</p>
      {taken.length > 0 && (
        <>
          <p>{t.takenHeading}</p>
          <ul className={styles.plainList}>
            {taken.map((field) => (
              <li key={field}>{t.value(labels[field], describe(field, conflict.theirs[field]))}</li>
            ))}
          </ul>
        </>
      )}
      {contested.map((field) => (
        <RadioGroupField
          key={field}
          control={control}
          name={resolutionPath(field) as FieldPath<T>}
          label={t.choose(labels[field])}
          isRequired
          rules={{ required: t.chooseRequired }}
          options={[
            { id: 'mine', label: t.mine(describe(field, conflict.mine[field])) },
            { id: 'theirs', label: t.theirs(describe(field, conflict.theirs[field])) },
          ]}
        />
      ))}
    </div>
  );
}
