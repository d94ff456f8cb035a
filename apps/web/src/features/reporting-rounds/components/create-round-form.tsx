import { ErrorSummary } from '../../../components/forms/error-summary';
import { CheckboxGroupField, DateField, TextField } from '../../../components/forms/fields';
import { FormActions, FormButton } from '../../../components/forms/form-button';
import { REQUIRED, useApiForm } from '../../../components/forms/use-api-form';
import { ApiProblemError } from '../../../lib/api-client';
import { messages } from '../../../lib/messages';
import { useCreateRound, useDepartmentOptions, type ReportingRound } from '../api/round-queries';
import { EMPTY_ROUND, toNewRound, type RoundFormValues } from '../utils/round-form';
import { reportingRoundsMessages } from '../messages';
import styles from './reporting-rounds.module.css';

const t = reportingRoundsMessages.create;
const FIELDS = ['title', 'period', 'dueDate', 'scopeStatuses', 'scopeDepartmentIds'] as const;
const LABELS = {
  title: t.title,
  period: t.period,
  dueDate: t.dueDate,
  scopeStatuses: t.scopeStatuses,
  scopeDepartmentIds: t.scopeDepartments,
  'scopeDepartmentIds.*': t.scopeDepartments,
};

/** The API's English for a period it cannot read, in Swedish; other refusals as the form kit words them. */
function inSwedish(error: unknown): unknown {
  if (!(error instanceof ApiProblemError) || !error.problem.errors) return error;
  const errors = error.problem.errors.map((e) =>
    e.field === 'period' && /^period must be/.test(e.message) ? { ...e, message: t.invalidPeriod } : e,
  );
  return new ApiProblemError({ ...error.problem, errors });
}

/** A new round: its name, period, due date and scope. The API checks it all; its refusals land on the fields. */
export function CreateRoundForm({ onCreated }: { onCreated: (round: ReportingRound) => void }) {
  const create = useCreateRound();
  const departments = useDepartmentOptions();
  const { form, problem, submitWith } = useApiForm<RoundFormValues>({ defaultValues: EMPTY_ROUND, fields: FIELDS });
  const submit = submitWith(async (values) => {
    const round = await create.mutateAsync(toNewRound(values)).catch((error: unknown) => {
      throw inSwedish(error);
    });
    form.reset(EMPTY_ROUND);
    onCreated(round);
  });
  // Förvaltningar lead initiatives; committees, companies and external partners take part in them.
  const administrations = (departments.data?.items ?? [])
    .filter((department) => department.kind === 'administration')
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'));

  return (
    <section aria-labelledby="ny-omgang" className={styles.panel}>
      <h2 id="ny-omgang">{t.heading}</h2>
      <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="ny-omgang">
        <ErrorSummary problem={problem} labels={LABELS} title={t.refused} />
        <TextField
          control={form.control}
          name="title"
          label={t.title}
          description={t.titleHelp}
          isRequired
          rules={REQUIRED}
        />
        <TextField
          control={form.control}
          name="period"
          label={t.period}
          description={t.periodHelp}
          isRequired
          rules={REQUIRED}
        />
        <DateField control={form.control} name="dueDate" label={t.dueDate} isRequired rules={REQUIRED} />
        <CheckboxGroupField
          control={form.control}
          name="scopeStatuses"
          label={t.scopeStatuses}
          description={t.scopeStatusesHelp}
          isRequired
          options={Object.entries(messages.initiativeStatus).map(([id, label]) => ({ id, label }))}
        />
        <CheckboxGroupField
          control={form.control}
          name="scopeDepartmentIds"
          label={t.scopeDepartments}
          description={t.scopeDepartmentsHelp}
          options={administrations.map((department) => ({ id: department.id, label: department.name }))}
        />
        <FormActions>
          <FormButton type="submit">{create.isPending ? t.sending : t.submit}</FormButton>
        </FormActions>
      </form>
    </section>
  );
}
