import { Link, useNavigate } from '@tanstack/react-router';
import { LoadError } from '../../../components/load-error';
import { ErrorSummary } from '../../../components/forms/error-summary';
import { CheckboxGroupField, RadioGroupField, SelectField, TextField } from '../../../components/forms/fields';
import { FormActions, FormButton } from '../../../components/forms/form-button';
import { REQUIRED, useApiForm } from '../../../components/forms/use-api-form';
import { Page } from '../../../components/layout/page';
import { api, unwrap } from '../../../lib/api-client';
import { useMay } from '../../../lib/auth/use-may';
import { useMe } from '../../../lib/auth/use-me';
import { useDepartments, useIndicators, useInvalidateIndicators, type Indicator } from '../api/results-queries';
import { resultsMessages } from '../messages';
import styles from './results.module.css';

const t = resultsMessages.indicators;

/** Indikatorer: every indicator, and a new one where the person's role may define it. */
export function IndicatorsRoutePage() {
  const indicators = useIndicators();
  const departments = useDepartments();
  const may = useMay('indicators:write');
  const names = new Map((departments.data?.items ?? []).map((department) => [department.id, department.name]));
  return (
    <Page title={resultsMessages.indicatorsTitle} wide>
      <p className={styles.intro}>{t.intro}</p>
      {indicators.isPending ? (
        <p role="status">{resultsMessages.loading}</p>
      ) : indicators.isError ? (
        <LoadError
          message={resultsMessages.loadError}
          error={indicators.error}
          onRetry={() => void indicators.refetch()}
        />
      ) : indicators.data.items.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <div className={styles.tableScroll}>
          <table className={styles.table}>
            <caption>{t.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.code}</th>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.unit}</th>
                <th scope="col">{t.direction}</th>
                <th scope="col">{t.source}</th>
                <th scope="col">{t.owner}</th>
              </tr>
            </thead>
            <tbody>
              {indicators.data.items.map((indicator) => (
                <tr key={indicator.id}>
                  <th scope="row">{indicator.code}</th>
                  <td>
                    <Link to="/indikatorer/$id" params={{ id: indicator.id }}>
                      {indicator.name}
                    </Link>
                  </td>
                  <td>{t.unitLabel[indicator.unit] ?? indicator.unit}</td>
                  <td>{t.directionLabel[indicator.direction] ?? indicator.direction}</td>
                  <td>{t.sourceLabel[indicator.source] ?? indicator.source}</td>
                  <td>{names.get(indicator.ownerDepartmentId) ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="ny-indikator" className={styles.section}>
        <h2 id="ny-indikator">{t.newHeading}</h2>
        {may.allowed ? <NewIndicatorForm /> : may.reason && <p className={styles.note}>{t.readOnly(may.reason)}</p>}
      </section>
    </Page>
  );
}

type NewIndicator = {
  code: string;
  name: string;
  unit: Indicator['unit'] | null;
  direction: Indicator['direction'] | null;
  source: Indicator['source'] | null;
  breakdowns: Indicator['breakdowns'];
  koladaKpi: string;
  ownerDepartmentId: string | null;
};

const LABELS: Record<string, string> = {
  code: t.code,
  name: t.name,
  unit: t.unit,
  direction: t.direction,
  source: t.source,
  breakdowns: t.breakdowns,
  koladaKpi: t.koladaKpi,
  koladaKpis: t.koladaKpi,
  'koladaKpis.all': t.koladaKpi,
  ownerDepartmentId: t.owner,
};

const options = (labels: Record<string, string>) => Object.entries(labels).map(([id, label]) => ({ id, label }));

/** A new indicator: the API says whether the person may define it for the department chosen (a head: their own). */
function NewIndicatorForm() {
  const me = useMe();
  const departments = useDepartments();
  const invalidate = useInvalidateIndicators();
  const navigate = useNavigate();
  const { form, problem, submitWith } = useApiForm<NewIndicator>({
    defaultValues: {
      code: '',
      name: '',
      unit: null,
      direction: null,
      source: null,
      breakdowns: [],
      koladaKpi: '',
      ownerDepartmentId: me.data?.department?.id ?? null,
    },
    // koladaKpis (the API's name) is not a field here: its errors are listed in the summary by LABELS.
    fields: Object.keys(LABELS).filter((field) => !field.startsWith('koladaKpis')),
  });
  const source = form.watch('source');
  const onSubmit = submitWith(async ({ koladaKpi, ...values }) => {
    // The API's field for the KPI is koladaKpis.all; errors on it land on this form's one KPI field.
    const created = await unwrap(
      api.POST('/indicators', {
        body: {
          code: values.code,
          name: values.name,
          unit: values.unit!,
          direction: values.direction!,
          source: values.source!,
          breakdowns: values.breakdowns,
          ownerDepartmentId: values.ownerDepartmentId!,
          ...(values.source === 'kolada' ? { koladaKpis: { all: koladaKpi.trim() } } : {}),
        },
      }),
    );
    await invalidate();
    await navigate({ to: '/indikatorer/$id', params: { id: created.id } });
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="ny-indikator">
      <ErrorSummary problem={problem} labels={LABELS} />
      <div className={styles.formGrid}>
        <TextField
          control={form.control}
          name="code"
          label={t.code}
          description={t.codeHelp}
          isRequired
          rules={REQUIRED}
        />
        <TextField
          control={form.control}
          name="name"
          label={t.name}
          description={t.nameHelp}
          isRequired
          rules={REQUIRED}
        />
        <SelectField
          control={form.control}
          name="unit"
          label={t.unit}
          options={options(t.unitLabel)}
          isRequired
          rules={REQUIRED}
        />
        <SelectField
          control={form.control}
          name="source"
          label={t.source}
          description={t.sourceHelp}
          options={options(t.sourceLabel)}
          isRequired
          rules={REQUIRED}
        />
        {source === 'kolada' && (
          <TextField
            control={form.control}
            name="koladaKpi"
            label={t.koladaKpi}
            description={t.koladaKpiHelp}
            isRequired
          />
        )}
        <SelectField
          control={form.control}
          name="ownerDepartmentId"
          label={t.owner}
          description={t.ownerHelp}
          options={(departments.data?.items ?? []).map((department) => ({ id: department.id, label: department.name }))}
          isRequired
          rules={REQUIRED}
        />
      </div>
      <RadioGroupField
        control={form.control}
        name="direction"
        label={t.direction}
        description={t.directionHelp}
        options={options(t.directionLabel)}
        isRequired
        rules={REQUIRED}
      />
      <CheckboxGroupField
        control={form.control}
        name="breakdowns"
        label={t.breakdowns}
        description={t.breakdownsHelp}
        options={options(t.breakdown)}
      />
      <FormActions>
        <FormButton type="submit" isDisabled={form.formState.isSubmitting}>
          {t.submit}
        </FormButton>
      </FormActions>
    </form>
  );
}
