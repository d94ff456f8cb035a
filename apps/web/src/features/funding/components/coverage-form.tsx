import { useEffect, useRef, useState } from 'react';
import { ErrorSummary, type FieldLabels } from '../../../components/forms/error-summary';
import { DateField, RadioGroupField, TextAreaField, TextField } from '../../../components/forms/fields';
import { FormActions, FormButton } from '../../../components/forms/form-button';
import { useApiForm } from '../../../components/forms/use-api-form';
import { useUnsavedChangesWarning } from '../../../components/forms/use-unsaved-changes-warning';
import { isStale, useFundingWrites } from '../api/funding-queries';
import {
  applyResolution,
  compareVersions,
  COVERAGE_FIELDS,
  COVERAGE_LABELS,
  coverageApiValues,
  coverageBody,
  coverageValues,
  describeCoverageValue,
  lineName,
  type CoverageDecision,
  type CoverageField,
  type CoverageValues,
  type FundingLine,
} from '../utils/funding-form';
import { fundingMessages } from '../messages';
import { ConflictPanel, type Conflict, type Resolution } from './conflict-panel';
import { below, LevelHeading, type HeadingLevel } from './funding-parts';
import styles from './funding.module.css';

const t = fundingMessages.coverage;

type FormValues = CoverageValues & { resolution: Partial<Record<CoverageField, Resolution | null>> };

const DECISIONS = (Object.keys(fundingMessages.coverageLabel) as CoverageDecision[]).map((id) => ({
  id,
  label: fundingMessages.coverageLabel[id],
}));

const labels: FieldLabels = (path) => {
  const choice = /^resolution\.(\w+)$/.exec(path)?.[1] as CoverageField | undefined;
  return choice ? fundingMessages.conflict.choose(COVERAGE_LABELS[choice]) : COVERAGE_LABELS[path as CoverageField];
};

/**
 * The coverage decision: what happens when the line's money ends, with its note, who decided and when
 * (`PUT /funding/{id}/coverage-decision`, If-Match). Offered only where /me says the person may; a 403 all the same is
 * said in the summary. A conflict is handled as on the line's form.
 */
export function CoverageForm({
  initiativeId,
  line,
  level,
  onDone,
  onCancel,
}: {
  initiativeId: string;
  line: FundingLine;
  level: HeadingLevel;
  onDone: (line: FundingLine) => void;
  onCancel: () => void;
}) {
  const writes = useFundingWrites(initiativeId);
  const [base, setBase] = useState(line);
  const [conflict, setConflict] = useState<Conflict<CoverageField> | null>(null);
  const { form, problem, submitWith } = useApiForm<FormValues>({
    defaultValues: { ...coverageValues(line), resolution: {} },
  });
  const headingRef = useRef<HTMLHeadingElement>(null);
  useUnsavedChangesWarning(form.formState.isDirty);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const submit = submitWith(async ({ resolution, ...typed }) => {
    const values = conflict
      ? applyResolution(typed, coverageValues(base), conflict.comparison.contested, resolution)
      : typed;
    try {
      onDone(await writes.decideCoverage(base, coverageBody(values)));
    } catch (error) {
      if (!isStale(error)) throw error;
      const latest = await writes.read(base.id);
      const mine = coverageApiValues(values);
      const theirs = coverageApiValues(coverageValues(latest));
      const comparison = compareVersions(COVERAGE_FIELDS, coverageApiValues(coverageValues(base)), mine, theirs);
      for (const field of comparison.taken) form.setValue(field, coverageValues(latest)[field], { shouldDirty: true });
      form.setValue('resolution', {});
      setBase(latest);
      setConflict({ comparison, mine, theirs });
    }
  });

  const headingId = `rad-${line.id}-tackning-rubrik`;
  return (
    <form
      className={styles.form}
      onSubmit={(event) => (form.formState.isSubmitting ? event.preventDefault() : void submit(event))}
      noValidate
      aria-labelledby={headingId}
    >
      <LevelHeading ref={headingRef} level={level} id={headingId} className={styles.formHeading}>
        {t.heading(lineName(line))}
      </LevelHeading>
      <ErrorSummary problem={problem} labels={labels} />
      {conflict && (
        <ConflictPanel
          conflict={conflict}
          level={below(level)}
          control={form.control}
          labels={COVERAGE_LABELS}
          describe={describeCoverageValue}
        />
      )}
      <RadioGroupField
        control={form.control}
        name="decision"
        label={t.decision}
        description={t.decisionHelp}
        isRequired
        options={DECISIONS}
      />
      <TextAreaField control={form.control} name="note" label={t.note} description={t.noteHelp} rows={3} />
      <TextField control={form.control} name="decidedBy" label={t.decidedBy} description={t.decidedByHelp} />
      <DateField control={form.control} name="decidedOn" label={t.decidedOn} description={t.decidedOnHelp} />
      <FormActions>
        <FormButton type="submit">{form.formState.isSubmitting ? fundingMessages.form.saving : t.save}</FormButton>
        <FormButton variant="secondary" onPress={onCancel}>
          {fundingMessages.form.cancel}
        </FormButton>
      </FormActions>
    </form>
  );
}
