import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { FilterPanel } from '../../../components/filter-panel';
import { ErrorSummary } from '../../../components/forms/error-summary';
import { DateField, SelectField, TextField } from '../../../components/forms/fields';
import { FormButton } from '../../../components/forms/form-button';
import { useApiForm } from '../../../components/forms/use-api-form';
import { ApiProblemError } from '../../../lib/api-client';
import { applyFieldErrors, toFormProblem, type FormProblem } from '../../../lib/problem';
import { auditEventsQuery, initiativeQuery } from '../api/audit-queries';
import {
  AUDIT_ACTIONS,
  ENTITY_TYPES,
  isFiltered,
  PAGE_SIZE,
  toAuditQuery,
  type AuditAction,
  type AuditSearch,
} from '../utils/audit-search';
import { auditTrailPageMessages } from '../messages';
import styles from './audit-trail.module.css';

const t = auditTrailPageMessages.filters;
const ANY = '';
const FIELDS = ['initiative', 'entityType', 'action', 'from', 'to'] as const;
const LABELS: Record<string, string> = {
  initiative: t.initiative,
  entityType: t.entityType,
  action: t.action,
  from: t.from,
  to: t.to,
};

type Values = {
  initiative: string;
  entityType: string | null;
  action: string | null;
  from: string | null;
  to: string | null;
};

/** The API's English words for a refused search, in Swedish. */
function inSwedish(problem: FormProblem): FormProblem {
  const fieldErrors = Object.fromEntries(
    Object.entries(problem.fieldErrors).map(([field, errors]) => [
      field,
      errors.map((error) =>
        /must not be before from/.test(error.apiMessage) ? { ...error, message: t.toBeforeFrom } : error,
      ),
    ]),
  );
  return { ...problem, fieldErrors, summary: t.invalid };
}

/**
 * The search as a form: "Sök" asks the API first (an unknown code, a period that ends before it starts are refused
 * there and said on their fields), and only a search the API takes goes to the URL, which the list reads.
 */
export function AuditFilters({
  search,
  actorName,
  onSearch,
}: {
  search: AuditSearch;
  actorName: string | undefined;
  onSearch: (next: AuditSearch) => void;
}) {
  const queryClient = useQueryClient();
  const { form, problem, setProblem } = useApiForm<Values>({
    defaultValues: {
      initiative: search.initiative ?? '',
      entityType: search.entityType ?? ANY,
      action: search.action ?? ANY,
      from: search.from ?? null,
      to: search.to ?? null,
    },
    fields: FIELDS,
  });

  const refuse = (mapped: FormProblem) => {
    applyFieldErrors<Values>(mapped, (name, error) => form.setError(name, error, { shouldFocus: false }));
    setProblem(mapped);
  };

  const submit = form.handleSubmit(async (values) => {
    form.clearErrors();
    const code = values.initiative.trim().toUpperCase();
    const next: AuditSearch = {
      ...(code ? { initiative: code } : {}),
      ...(values.entityType ? { entityType: values.entityType } : {}),
      ...(values.action ? { action: values.action as AuditAction } : {}),
      ...(values.from ? { from: values.from } : {}),
      ...(values.to ? { to: values.to } : {}),
      // The person and the record come from links in the list; a new search keeps them until removed.
      ...(search.actor ? { actor: search.actor } : {}),
      ...(search.entityId ? { entityId: search.entityId } : {}),
    };
    try {
      const initiative = code ? await queryClient.fetchQuery(initiativeQuery(code)) : undefined;
      await queryClient.fetchQuery(
        auditEventsQuery(toAuditQuery(next, initiative?.id, { limit: PAGE_SIZE, offset: 0 })),
      );
    } catch (error) {
      if (!(error instanceof ApiProblemError)) throw error;
      const status = error.problem.status;
      // GET /initiatives/{code} answers 404 for an unknown code and 400 for something that is no code.
      const unknownCode =
        code &&
        (status === 404 ||
          (status === 400 && !error.problem.errors?.some((e) => (FIELDS as readonly string[]).includes(e.field))));
      refuse(
        unknownCode
          ? {
              ...toFormProblem(
                { ...error.problem, errors: [{ field: 'initiative', message: t.noSuchInitiative(code) }] },
                { fields: FIELDS },
              ),
              summary: t.invalid,
            }
          : inSwedish(toFormProblem(error.problem, { fields: FIELDS })),
      );
      return;
    }
    setProblem(null);
    onSearch(next);
  });

  return (
    <FilterPanel id="granskning-sok" heading={t.heading}>
      <form onSubmit={(event) => void submit(event)} noValidate className={styles.filterForm}>
        <ErrorSummary problem={problem} labels={LABELS} title={t.summaryTitle} />
        <div className={styles.filterRow}>
          <TextField control={form.control} name="initiative" label={t.initiative} description={t.initiativeHelp} />
          <SelectField
            control={form.control}
            name="entityType"
            label={t.entityType}
            placeholder={t.anyEntityType}
            options={[
              { id: ANY, label: t.anyEntityType },
              ...ENTITY_TYPES.map((type) => ({ id: type, label: auditTrailPageMessages.entityType[type] ?? type })),
            ]}
          />
          <SelectField
            control={form.control}
            name="action"
            label={t.action}
            placeholder={t.anyAction}
            options={[
              { id: ANY, label: t.anyAction },
              ...AUDIT_ACTIONS.map((action) => ({ id: action, label: auditTrailPageMessages.action[action] })),
            ]}
          />
          <DateField control={form.control} name="from" label={t.from} description={t.periodHelp} />
          <DateField control={form.control} name="to" label={t.to} description={t.periodHelp} />
        </div>
        {search.actor || search.entityId ? (
          <>
            <p>{t.narrowed}</p>
            <ul className={styles.conditions}>
              {search.actor ? (
                <li>
                  {actorName ? t.actor(actorName) : t.actorUnknown}{' '}
                  <Link
                    to="/granskning"
                    search={{ ...search, actor: undefined, offset: undefined }}
                    aria-label={t.removeActor}
                    className={styles.small}
                  >
                    {t.remove}
                  </Link>
                </li>
              ) : null}
              {search.entityId ? (
                <li>
                  {t.entity(auditTrailPageMessages.entityType[search.entityType ?? ''] ?? search.entityType ?? '')}{' '}
                  <Link
                    to="/granskning"
                    search={{ ...search, entityId: undefined, offset: undefined }}
                    aria-label={t.removeEntity}
                    className={styles.small}
                  >
                    {t.remove}
                  </Link>
                </li>
              ) : null}
            </ul>
          </>
        ) : null}
        <div className={styles.actions}>
          <FormButton type="submit" isDisabled={form.formState.isSubmitting}>
            {t.search}
          </FormButton>
          {isFiltered(search) ? (
            <Link to="/granskning" className={styles.outlined}>
              {t.clear}
            </Link>
          ) : null}
        </div>
      </form>
    </FilterPanel>
  );
}
