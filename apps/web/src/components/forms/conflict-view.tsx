import { useEffect, useId, useRef, useState } from 'react';
import { Label, Radio, RadioGroup, Text } from 'react-aria-components';
import { messages } from '../../lib/messages';
import { FormActions, FormButton } from './form-button';
import styles from './forms.module.css';
import conflictStyles from './conflict-view.module.css';

/** A part of a form that can be chosen as a whole: a field's path (`title`, `processOwner`) and how to show its value. */
export type ConflictField = {
  name: string;
  label: string;
  /** The value as a person reads it; an empty value shows as "(tomt)" whatever this says. */
  format?: (value: unknown) => string;
};

export type ConflictChoice = 'mine' | 'theirs';

/** A part the other person changed since this person read the record. */
export type Conflict = { field: ConflictField; mine: unknown; theirs: unknown; changedByMe: boolean };

type Values = Record<string, unknown>;

export function valueAt(values: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (node, key) => (node !== null && typeof node === 'object' ? (node as Values)[key] : undefined),
      values,
    );
}

function withValueAt<T>(values: T, path: string, value: unknown): T {
  const [key, ...rest] = path.split('.') as [string, ...string[]];
  const node = (values ?? {}) as Values;
  return { ...node, [key]: rest.length === 0 ? value : withValueAt(node[key], rest.join('.'), value) } as T;
}

/** Empty is empty: '', null, undefined and [] are the same value, so a form's '' never conflicts with the API's null. */
function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (isEmpty(a) || isEmpty(b)) return isEmpty(a) && isEmpty(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  }
  if (typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a as Values), ...Object.keys(b as Values)]);
    return [...keys].every((key) => sameValue((a as Values)[key], (b as Values)[key]));
  }
  return a === b;
}

/**
 * What the other person changed: every field whose value they saved differs from the one this person started from
 * (`base`), unless this person typed the very same. Fields only this person changed are no conflict: theirs stand.
 */
export function findConflicts(
  fields: readonly ConflictField[],
  base: unknown,
  mine: unknown,
  theirs: unknown,
): Conflict[] {
  return fields.flatMap((field) => {
    const [was, mineNow, theirsNow] = [
      valueAt(base, field.name),
      valueAt(mine, field.name),
      valueAt(theirs, field.name),
    ];
    if (sameValue(was, theirsNow) || sameValue(mineNow, theirsNow)) return [];
    return [{ field, mine: mineNow, theirs: theirsNow, changedByMe: !sameValue(was, mineNow) }];
  });
}

/** The starting choice: this person's version where they changed the field, the other's where only the other did. */
export function initialChoices(conflicts: readonly Conflict[]): Record<string, ConflictChoice> {
  return Object.fromEntries(conflicts.map((c) => [c.field.name, c.changedByMe ? 'mine' : 'theirs']));
}

/**
 * The values to save: the other person's record, with this person's changes on top, field by field as chosen. A field
 * only one of them changed keeps that change; a field both changed takes the chosen version.
 */
export function mergeValues<T>(
  fields: readonly ConflictField[],
  base: T,
  mine: T,
  theirs: T,
  choices: Record<string, ConflictChoice>,
): T {
  return fields.reduce<T>((merged, field) => {
    const changedByMe = !sameValue(valueAt(base, field.name), valueAt(mine, field.name));
    const takeMine = choices[field.name] ? choices[field.name] === 'mine' : changedByMe;
    return takeMine ? withValueAt(merged, field.name, valueAt(mine, field.name)) : merged;
  }, theirs);
}

type Props<T> = {
  fields: readonly ConflictField[];
  /** The record as this person read it, what they typed, and the record as the other person saved it. */
  base: T;
  mine: T;
  theirs: T;
  /** Saves the merged values (on top of `theirs`, with its version). */
  onResolve: (merged: T) => void | Promise<void>;
  isBusy?: boolean;
};

const t = messages.forms.conflict;

function shown(field: ConflictField, value: unknown): string {
  if (isEmpty(value)) return t.empty;
  return field.format ? field.format(value) : String(value);
}

/**
 * When someone else saved first (412): what they changed next to what this person typed, field by field, with a choice
 * for each (and "all mine", "all theirs"); nothing is saved until the person says which. Generic: any form with
 * If-Match passes its fields, the values it started from, its values now and the record as it is now.
 */
export function ConflictView<T>({ fields, base, mine, theirs, onResolve, isBusy = false }: Props<T>) {
  const conflicts = findConflicts(fields, base, mine, theirs);
  const [choices, setChoices] = useState(() => initialChoices(conflicts));
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  // Focus goes to the heading, so a screen reader says what happened before anything else.
  useEffect(() => headingRef.current?.focus(), []);
  const chooseAll = (choice: ConflictChoice) =>
    setChoices(Object.fromEntries(conflicts.map((c) => [c.field.name, choice])));

  return (
    <section aria-labelledby={headingId} className={conflictStyles.conflict}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className={conflictStyles.title}>
        {t.title}
      </h2>
      <p>{conflicts.length > 0 ? t.intro : t.nothingToChoose}</p>
      {conflicts.length > 1 && (
        <FormActions>
          <FormButton variant="secondary" onPress={() => chooseAll('mine')}>
            {t.keepAllMine}
          </FormButton>
          <FormButton variant="secondary" onPress={() => chooseAll('theirs')}>
            {t.takeAllTheirs}
          </FormButton>
        </FormActions>
      )}
      {conflicts.map((conflict) => (
        <RadioGroup
          key={conflict.field.name}
          className={`${styles.fieldset} ${conflictStyles.choice}`}
          value={choices[conflict.field.name] ?? 'mine'}
          onChange={(value) =>
            setChoices((current) => ({ ...current, [conflict.field.name]: value as ConflictChoice }))
          }
        >
          <Label className={styles.label}>{conflict.field.label}</Label>
          {!conflict.changedByMe && (
            <Text slot="description" className={styles.description}>
              {t.untouched}
            </Text>
          )}
          <div className={conflictStyles.versions}>
            {(['mine', 'theirs'] as const).map((side) => (
              <Radio key={side} value={side} className={`${styles.radio} ${conflictStyles.version}`}>
                <span className={styles.dot} aria-hidden="true" />
                <span>
                  <span className={conflictStyles.side}>{side === 'mine' ? t.mine : t.theirs}</span>{' '}
                  <span className={conflictStyles.value}>{shown(conflict.field, conflict[side])}</span>
                </span>
              </Radio>
            ))}
          </div>
        </RadioGroup>
      ))}
      <FormActions>
        <FormButton
          isDisabled={isBusy}
          onPress={() => void onResolve(mergeValues(fields, base, mine, theirs, choices))}
        >
          {t.save}
        </FormButton>
      </FormActions>
    </section>
  );
}
