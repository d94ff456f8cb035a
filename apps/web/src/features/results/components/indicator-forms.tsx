import { useId, useRef, useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../../components/forms/error-summary';
import { NumberField, RadioGroupField, SelectField, TextField } from '../../../components/forms/fields';
import { FormActions, FormButton } from '../../../components/forms/form-button';
import { REQUIRED, useApiForm } from '../../../components/forms/use-api-form';
import { api, ApiProblemError, unwrap } from '../../../lib/api-client';
import { summaryFor } from '../../../lib/problem';
import { useDistricts, type Indicator } from '../api/results-queries';
import { resultsMessages } from '../messages';
import { cellKey, importErrors, swedishMessage, type ImportError } from '../utils/indicator-series';
import styles from './results.module.css';

const t = resultsMessages.indicator;
const SHARE_UNITS = new Set(['percent', 'per_1000', 'ratio']);

type ValueKind = 'measurement' | 'baseline' | 'target';
type ValueForm = {
  kind: ValueKind;
  period: string;
  sex: string | null;
  born: string | null;
  age_band: string | null;
  district: string | null;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  persons: number | null;
};

const LABELS: Record<string, string> = {
  kind: t.kind,
  period: t.periodLabel,
  cell: resultsMessages.indicators.breakdowns,
  sex: resultsMessages.indicators.breakdown.sex,
  born: resultsMessages.indicators.breakdown.born,
  age_band: resultsMessages.indicators.breakdown.age_band,
  district: resultsMessages.indicators.breakdown.district,
  value: t.value,
  numerator: t.numerator,
  denominator: t.denominator,
  persons: t.persons,
};

/** The API's field messages for values in Swedish where known (lib/problem knows the common ones, this the indicator's). */
async function inSwedish<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (!(error instanceof ApiProblemError) || !error.problem.errors) throw error;
    throw new ApiProblemError({
      ...error.problem,
      errors: error.problem.errors.map((e) => ({ ...e, message: swedishMessage(e.message) })),
    });
  }
}

const choices = (values: Record<string, string>) => [
  { id: 'all', label: t.all },
  ...Object.entries(values).map(([id, label]) => ({ id, label })),
];

/**
 * A measurement, baseline or target for a period and a breakdown cell. The API judges everything (the period's form,
 * the cell, numerator and denominator against the value, a value already recorded); its errors land on the fields.
 */
export function ValueForm({
  indicator,
  hasBaseline,
  onRecorded,
}: {
  indicator: Indicator;
  hasBaseline: boolean;
  onRecorded: (text: string) => void;
}) {
  const districts = useDistricts();
  // No baseline yet: that is the one to record first.
  const defaults: ValueForm = {
    kind: hasBaseline ? 'measurement' : 'baseline',
    period: '',
    sex: 'all',
    born: 'all',
    age_band: null,
    district: 'all',
    value: null,
    numerator: null,
    denominator: null,
    persons: null,
  };
  const { form, problem, submitWith } = useApiForm<ValueForm>({
    defaultValues: defaults,
    fields: Object.keys(LABELS).filter((field) => field !== 'cell'),
  });
  const supports = new Set<string>(indicator.breakdowns ?? []);
  const isShare = SHARE_UNITS.has(indicator.unit);
  const onSubmit = submitWith(async (values) => {
    const cell = cellKey(
      Object.fromEntries((indicator.breakdowns ?? []).map((breakdown) => [breakdown, values[breakdown]])),
    );
    const figures = {
      period: values.period.trim(),
      cell,
      value: values.value as number,
      ...(values.numerator !== null ? { numerator: values.numerator } : {}),
      ...(values.denominator !== null ? { denominator: values.denominator } : {}),
      ...(values.persons !== null ? { persons: values.persons } : {}),
    };
    const params = { path: { id: indicator.id } };
    if (values.kind === 'target')
      await inSwedish(unwrap(api.POST('/indicators/{id}/targets', { params, body: figures })));
    else
      await inSwedish(
        unwrap(api.POST('/indicators/{id}/measurements', { params, body: { ...figures, kind: values.kind } })),
      );
    form.reset({ ...defaults, kind: values.kind });
    onRecorded(t.recorded(t.kindLabel[values.kind] ?? values.kind, figures.period));
  });
  const unit = resultsMessages.indicators.unitLabel[indicator.unit] ?? indicator.unit;
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="registrera-varde">
      <ErrorSummary problem={problem} labels={LABELS} />
      <RadioGroupField
        control={form.control}
        name="kind"
        label={t.kind}
        description={t.kindHelp}
        isRequired
        options={(['baseline', 'measurement', 'target'] as const).map((kind) => ({
          id: kind,
          label: t.kindLabel[kind]!,
        }))}
      />
      <div className={styles.formGrid}>
        <TextField
          control={form.control}
          name="period"
          label={t.periodLabel}
          description={t.periodHelp}
          isRequired
          rules={REQUIRED}
        />
        {supports.has('sex') && (
          <SelectField control={form.control} name="sex" label={LABELS.sex!} options={choices(t.cellValue.sex!)} />
        )}
        {supports.has('born') && (
          <SelectField control={form.control} name="born" label={LABELS.born!} options={choices(t.cellValue.born!)} />
        )}
        {supports.has('age_band') && (
          <TextField control={form.control} name="age_band" label={LABELS.age_band!} description={t.ageBandHelp} />
        )}
        {supports.has('district') && (
          <SelectField
            control={form.control}
            name="district"
            label={LABELS.district!}
            options={choices(
              Object.fromEntries((districts.data?.items ?? []).map((district) => [district.code, district.name])),
            )}
          />
        )}
        <NumberField
          control={form.control}
          name="value"
          label={t.value}
          description={t.valueHelp(unit)}
          isRequired
          rules={REQUIRED}
        />
        {isShare && (
          <NumberField
            control={form.control}
            name="numerator"
            label={t.numerator}
            description={t.shareHelp}
            minValue={0}
          />
        )}
        {isShare && <NumberField control={form.control} name="denominator" label={t.denominator} minValue={0} />}
        <NumberField control={form.control} name="persons" label={t.persons} description={t.personsHelp} minValue={0} />
      </div>
      <FormActions>
        <FormButton type="submit" isDisabled={form.formState.isSubmitting}>
          {t.submit}
        </FormButton>
      </FormActions>
    </form>
  );
}

/**
 * A CSV file of values, all or nothing. A refused file's errors are shown line by line in a table, which takes focus
 * and is announced; nothing was written.
 */
export function ImportForm({ indicatorId, onImported }: { indicatorId: string; onImported: (text: string) => void }) {
  const inputId = useId();
  const helpId = useId();
  const input = useRef<HTMLInputElement>(null);
  const refusal = useRef<HTMLDivElement>(null);
  const [refused, setRefused] = useState<{ summary: string; errors: ImportError[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const show = (next: { summary: string; errors: ImportError[] }) => {
    setRefused(next);
    requestAnimationFrame(() => refusal.current?.focus());
  };
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return show({ summary: t.chooseFile, errors: [] });
    setBusy(true);
    try {
      const csv = await file.text();
      const result = await unwrap(
        api.POST('/indicators/{id}/measurements/import', {
          params: { path: { id: indicatorId } },
          body: csv,
          bodySerializer: (body: string) => body,
          headers: { 'Content-Type': 'text/csv' },
        }),
      );
      setRefused(null);
      if (input.current) input.current.value = '';
      onImported(t.imported(result.written));
    } catch (error) {
      if (!(error instanceof ApiProblemError)) throw error;
      const errors = importErrors(error.problem);
      show({ summary: errors.length > 0 ? t.importRefused : summaryFor(error.problem.status), errors });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate aria-labelledby="importera">
      {refused && (
        <div ref={refusal} tabIndex={-1} role="alert" className={styles.failed}>
          <p>{refused.summary}</p>
          {refused.errors.length > 0 && (
            <div className={styles.tableScroll}>
              <table className={styles.table}>
                <caption>{t.importErrorsCaption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.line}</th>
                    <th scope="col">{t.column}</th>
                    <th scope="col">{t.error}</th>
                  </tr>
                </thead>
                <tbody>
                  {refused.errors.map((error, index) => (
                    <tr key={index}>
                      <th scope="row">{error.line ?? '–'}</th>
                      <td>{error.column ? (t.column_label[error.column] ?? error.column) : t.wholeLine}</td>
                      <td>{error.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
      <p>{t.importIntro}</p>
      <label htmlFor={inputId} className={styles.label}>
        {t.file}
      </label>
      <p id={helpId} className={styles.muted}>
        {t.fileHelp}
      </p>
      <input
        ref={input}
        id={inputId}
        type="file"
        accept=".csv,text/csv"
        aria-describedby={helpId}
        className={styles.fileInput}
      />
      <FormActions>
        <FormButton type="submit" isDisabled={busy}>
          {t.importSubmit}
        </FormButton>
      </FormActions>
    </form>
  );
}
