import { useEffect, useMemo, useRef, useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { ErrorSummary, type FieldLabels } from '../../../components/forms/error-summary';
import { focusField } from '../../../components/forms/field-id';
import { CheckboxField, DateField, NumberField, SelectField, TextField } from '../../../components/forms/fields';
import { FormActions, FormButton } from '../../../components/forms/form-button';
import { useApiForm } from '../../../components/forms/use-api-form';
import { useUnsavedChangesWarning } from '../../../components/forms/use-unsaved-changes-warning';
import { useFocusAfterRender } from '../../../lib/hooks/use-focus-after-render';
import { messages } from '../../../lib/messages';
import { isStale, useFundingWrites } from '../api/funding-queries';
import {
  applyResolution,
  compareVersions,
  createBody,
  describeLineValue,
  EMPTY_LINE,
  LINE_FIELDS,
  LINE_LABELS,
  lineApiValues,
  lineName,
  lineToValues,
  NO_SUCCESSOR,
  patchBody,
  type FundingLine,
  type FundingLineValues,
  type LineField,
} from '../utils/funding-form';
import { fundingMessages } from '../messages';
import { ConflictPanel, type Conflict, type Resolution } from './conflict-panel';
import { below, LevelHeading, type HeadingLevel } from './funding-parts';
import styles from './funding.module.css';

const t = fundingMessages.form;

type FormValues = FundingLineValues & { resolution: Partial<Record<LineField, Resolution | null>> };

const SOURCE_TYPES = Object.entries(messages.vocabulary.fundingSourceType).map(([id, label]) => ({ id, label }));
const DEADLINE_KINDS = Object.entries(messages.vocabulary.deadlineKind).map(([id, label]) => ({ id, label }));

const DEADLINE_LABELS: Record<string, string> = {
  'reportingDeadlines.*.date': t.deadlineDate,
  'reportingDeadlines.*.kind': t.deadlineKind,
  'reportingDeadlines.*.description': t.deadlineDescription,
};

/** The summary's names for the fields: the line's, each deadline row's, and a conflict's choices. */
const labels: FieldLabels = (path) => {
  const choice = /^resolution\.(\w+)$/.exec(path)?.[1] as LineField | undefined;
  if (choice) return fundingMessages.conflict.choose(LINE_LABELS[choice]);
  const row = /^reportingDeadlines\.(\d+)\.(\w+)$/.exec(path);
  if (row)
    return `${DEADLINE_LABELS[`reportingDeadlines.*.${row[2]}`] ?? row[2]} (${t.deadlineRow(Number(row[1]) + 1).toLowerCase()})`;
  return LINE_LABELS[path as LineField];
};

type Props = {
  initiativeId: string;
  /** The line to change; a new line when left out. */
  line?: FundingLine;
  /** The initiative's lines: the successor is chosen among them. */
  lines: readonly FundingLine[];
  level: HeadingLevel;
  onDone: (line: FundingLine) => void;
  onCancel: () => void;
};

/**
 * Adds or changes a funding line. The API checks everything; its refusals land on the fields and in the summary. A
 * change sends only what the person changed, with If-Match; when someone else saved first (412), the form keeps what
 * the person typed, takes in what the other person changed where the person had not, and asks per field where both did.
 */
export function FundingLineForm({ initiativeId, line, lines, level, onDone, onCancel }: Props) {
  const writes = useFundingWrites(initiativeId);
  // The version the person's changes rest on: the line as opened, then the stored one after a conflict.
  const [base, setBase] = useState(line);
  const [conflict, setConflict] = useState<Conflict<LineField> | null>(null);
  const { form, problem, submitWith } = useApiForm<FormValues>({
    defaultValues: { ...(line ? lineToValues(line) : EMPTY_LINE), resolution: {} },
  });
  const deadlines = useFieldArray({ control: form.control, name: 'reportingDeadlines' });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusAfterRender = useFocusAfterRender();
  useUnsavedChangesWarning(form.formState.isDirty);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const statusOptions = useMemo(
    () =>
      (Object.keys(messages.vocabulary.fundingStatus) as FundingLine['status'][])
        // Ending is its own step, with a confirmation; an ended line shows its status as it is.
        .filter((status) => status !== 'ended' || line?.status === 'ended')
        .map((status) => ({ id: status, label: messages.vocabulary.fundingStatus[status] })),
    [line?.status],
  );
  const successorOptions = useMemo(
    () => [
      { id: NO_SUCCESSOR, label: t.noSuccessor },
      ...lines.filter((other) => other.id !== line?.id).map((other) => ({ id: other.id, label: lineName(other) })),
    ],
    [lines, line?.id],
  );

  const submit = submitWith(async ({ resolution, ...typed }) => {
    if (!base) {
      onDone(await writes.create(createBody(typed)));
      return;
    }
    const values = conflict
      ? applyResolution(typed, lineToValues(base), conflict.comparison.contested, resolution)
      : typed;
    try {
      onDone(await writes.update(base, patchBody(base, values)));
    } catch (error) {
      if (!isStale(error)) throw error;
      const latest = await writes.read(base.id);
      const mine = lineApiValues(values);
      const theirs = lineApiValues(lineToValues(latest));
      const comparison = compareVersions(LINE_FIELDS, lineApiValues(lineToValues(base)), mine, theirs);
      for (const field of comparison.taken) form.setValue(field, lineToValues(latest)[field], { shouldDirty: true });
      form.setValue('resolution', {});
      setBase(latest);
      setConflict({ comparison, mine, theirs });
    }
  });

  const name = line ? lineName(line) : '';
  return (
    <form
      className={styles.form}
      onSubmit={(event) => (form.formState.isSubmitting ? event.preventDefault() : void submit(event))}
      noValidate
      aria-labelledby={`${fieldPrefix(line)}-rubrik`}
    >
      <LevelHeading ref={headingRef} level={level} id={`${fieldPrefix(line)}-rubrik`} className={styles.formHeading}>
        {line ? t.editHeading(name) : t.addHeading}
      </LevelHeading>
      <ErrorSummary problem={problem} labels={labels} />
      {conflict && (
        <ConflictPanel
          conflict={conflict}
          level={below(level)}
          control={form.control}
          labels={LINE_LABELS}
          describe={(field, value) => describeLineValue(field, value, lines)}
        />
      )}
      <SelectField control={form.control} name="sourceType" label={t.sourceType} isRequired options={SOURCE_TYPES} />
      <TextField control={form.control} name="funder" label={t.funder} description={t.funderHelp} isRequired />
      <TextField control={form.control} name="decisionReference" label={t.decisionReference} />
      <NumberField
        control={form.control}
        name="amountSek"
        label={t.amount}
        description={t.amountHelp}
        unit="kr"
        isRequired
      />
      <DateField control={form.control} name="periodStart" label={t.periodStart} isRequired />
      <DateField control={form.control} name="periodEnd" label={t.periodEnd} description={t.periodEndHelp} isRequired />
      <SelectField control={form.control} name="status" label={t.status} isRequired options={statusOptions} />
      <CheckboxField control={form.control} name="renewable" label={t.renewable} />
      <CheckboxField
        control={form.control}
        name="paidInArrears"
        label={t.paidInArrears}
        description={t.paidInArrearsHelp}
      />
      <TextField control={form.control} name="budgetProjectCode" label={t.budgetProjectCode} />
      <SelectField
        control={form.control}
        name="successorFundingId"
        label={t.successor}
        description={t.successorHelp}
        options={successorOptions}
      />

      <fieldset className={styles.deadlines} id="falt-reportingDeadlines">
        <legend>{t.deadlinesLegend}</legend>
        <p className={styles.muted}>{t.deadlinesHelp}</p>
        {deadlines.fields.length === 0 && <p>{t.noDeadlines}</p>}
        {deadlines.fields.map((row, index) => (
          <fieldset key={row.id} className={styles.deadline}>
            <legend>{t.deadlineRow(index + 1)}</legend>
            <DateField
              control={form.control}
              name={`reportingDeadlines.${index}.date`}
              label={t.deadlineDate}
              isRequired
            />
            <SelectField
              control={form.control}
              name={`reportingDeadlines.${index}.kind`}
              label={t.deadlineKind}
              isRequired
              options={DEADLINE_KINDS}
            />
            <TextField
              control={form.control}
              name={`reportingDeadlines.${index}.description`}
              label={t.deadlineDescription}
            />
            <FormActions>
              <FormButton
                variant="secondary"
                onPress={() => {
                  deadlines.remove(index);
                  document.getElementById(`${fieldPrefix(line)}-lagg-till-datum`)?.focus();
                }}
              >
                {t.removeDeadline(index + 1)}
              </FormButton>
            </FormActions>
          </fieldset>
        ))}
        <FormButton
          id={`${fieldPrefix(line)}-lagg-till-datum`}
          variant="secondary"
          onPress={() => {
            deadlines.append({ date: null, kind: null, description: '' });
            const added = deadlines.fields.length;
            focusAfterRender(() => focusField(`reportingDeadlines.${added}.date`));
          }}
        >
          {t.addDeadline}
        </FormButton>
      </fieldset>

      <FormActions>
        {/* Not react-aria's isPending: it announces the button by id, a reference left dangling once the form closes. */}
        <FormButton type="submit">{form.formState.isSubmitting ? t.saving : line ? t.save : t.create}</FormButton>
        <FormButton variant="secondary" onPress={onCancel}>
          {t.cancel}
        </FormButton>
      </FormActions>
    </form>
  );
}

/** Ids inside the form: one form per line (or the new one) is open at a time, but each line's stays apart. */
function fieldPrefix(line: FundingLine | undefined) {
  return line ? `rad-${line.id}-formular` : 'ny-rad-formular';
}
