import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { ConflictView, sameValue, type ConflictField } from '../../../components/forms/conflict-view';
import { ErrorSummary } from '../../../components/forms/error-summary';
import { focusFieldById } from '../../../components/forms/field-id';
import { FormActions, FormButton } from '../../../components/forms/form-button';
import { useApiForm } from '../../../components/forms/use-api-form';
import { useUnsavedChangesWarning } from '../../../components/forms/use-unsaved-changes-warning';
import { Page } from '../../../components/layout/page';
import { ApiProblemError } from '../../../lib/api-client';
import { useMay } from '../../../lib/auth/use-may';
import { useMe } from '../../../lib/auth/use-me';
import { formatDate, formatMoney } from '../../../lib/format';
import { messages } from '../../../lib/messages';
import { summaryFor } from '../../../lib/problem';
import { patchInitiative, readInitiative, saved, useDepartments, useDistricts, useEditableInitiative, useGoalTree, useTargetGroups, type Versioned } from '../api/initiative-editing';
import { FIELD_LABELS, fieldPaths, STEPS, toBody, toFormValues, type InitiativeField, type InitiativeFormValues, type StepKey } from '../utils/initiative-form';
import { goalsWithChains } from '../utils/goals';
import { GoalPicker } from './goal-picker';
import { BasicsFields, FollowUpFields, LeadDepartmentField, ParticipantsFields, ProcessOwnerFields, ReachFields, TimeAndCostFields } from './initiative-fields';
import { useSessionDraft } from '../hooks/use-session-draft';
import { LoadState, ownersOf } from './load-state';
import { initiativeEditingMessages } from '../messages';
import styles from './editing.module.css';

const t = initiativeEditingMessages;
const route = getRouteApi('/insatser/$code/andra');
const ENDED = new Set(['completed', 'integrated', 'discontinued']);
/** Every field of the initiative the page edits, in the order of the guide. */
const ALL_FIELDS: readonly InitiativeField[] = STEPS.flatMap((step) => step.fields);
const SECTIONS = STEPS.filter((step) => step.fields.length > 0).map((step) => step.key);

/** Ändra insatsen (/insatser/SSPF/andra): every part the person's role may change, saved with If-Match. */
export function EditInitiativeRoutePage() {
  const { code } = route.useParams();
  const query = useEditableInitiative(code);
  return (
    <LoadState code={code} query={query} title={t.editTitle}>
      {(versioned) => <EditInitiative key={versioned.initiative.id} versioned={versioned} />}
    </LoadState>
  );
}

function EditInitiative({ versioned }: { versioned: Versioned }) {
  const { initiative } = versioned;
  const may = useMay('initiatives:write', ownersOf(initiative));
  const title = t.editTitle;
  if (may.pending) return <Page title={title}>{null}</Page>;
  // Refused as the API would refuse the save (403), with /me's reason; an ended initiative is refused for everyone.
  const refusal = !may.allowed ? [summaryFor(403), may.reason] : ENDED.has(initiative.status) ? [t.edit.ended] : null;
  if (refusal) {
    return (
      <Page title={title}>
        <section className={styles.refusal} aria-labelledby="andra-nekad">
          <h2 id="andra-nekad">{t.edit.notAllowedTitle}</h2>
          {refusal.map((sentence) => (
            <p key={sentence}>{sentence}</p>
          ))}
          <p>
            <Link to="/insatser/$code" params={{ code: initiative.code }}>
              {t.toInitiative}
            </Link>
          </p>
        </section>
      </Page>
    );
  }
  return (
    <Page title={title}>
      <p>
        {initiative.code} · {initiative.title}
      </p>
      <p>{t.edit.intro}</p>
      <EditForm versioned={versioned} />
    </Page>
  );
}

/** What the conflict view shows for each field: names for ids and codes, dates and kronor as sv-SE writes them. */
function useConflictFields(): ConflictField[] {
  const departments = useDepartments();
  const targetGroups = useTargetGroups();
  const districts = useDistricts();
  const tree = useGoalTree();
  return useMemo(() => {
    const name = (options: { id: string; label: string }[] | undefined) => (id: unknown) => options?.find((o) => o.id === id)?.label ?? String(id);
    const names = (options: { id: string; label: string }[] | undefined) => (ids: unknown) => (ids as string[]).map(name(options)).join(', ');
    const goals = goalsWithChains(tree.data ?? []);
    const vocabulary = (labels: Record<string, string>) => (value: unknown) => labels[String(value)] ?? String(value);
    const format: Partial<Record<InitiativeField, (value: unknown) => string>> = {
      kind: vocabulary(messages.vocabulary.initiativeKind),
      evidenceBase: vocabulary(messages.vocabulary.evidenceBase),
      leadDepartmentId: name(departments.data),
      participants: (value) =>
        (value as InitiativeFormValues['participants'])
          .map((p) => [name(departments.data)(p.departmentId), p.role ? vocabulary(messages.vocabulary.participantRole)(p.role) : '', p.responsibility].filter(Boolean).join(' – '))
          .join('\n'),
      processOwner: (value) => Object.values(value as InitiativeFormValues['processOwner']).filter(Boolean).join(', '),
      goalIds: (ids) => (ids as string[]).map((id) => goals.find((g) => g.id === id)).map((g) => (g ? `${g.code} ${g.title}` : '')).join('\n'),
      targetGroupCodes: names(targetGroups.data),
      districtCodes: names(districts.data),
      startDate: (value) => formatDate(String(value)),
      endDate: (value) => formatDate(String(value)),
      annualCostSek: (value) => formatMoney(Number(value)),
      followUpPlan: (value) => {
        const plan = value as InitiativeFormValues['followUpPlan'];
        const frequency = plan.frequency ? vocabulary(messages.vocabulary.followUpFrequency)(plan.frequency) : '';
        return [plan.method, frequency, plan.responsible, plan.firstReportDue ? formatDate(plan.firstReportDue) : ''].filter(Boolean).join('\n');
      },
    };
    return ALL_FIELDS.map((field) => ({ name: field, label: FIELD_LABELS[field] ?? field, ...(format[field] ? { format: format[field] } : {}) }));
  }, [departments.data, targetGroups.data, districts.data, tree.data]);
}

type Conflict = { mine: InitiativeFormValues; theirs: Versioned };

/**
 * The whole initiative in one form, each part a section. Saving sends only what the person changed, with the version
 * they started from; when someone else saved first (412), the conflict view shows both and nothing is overwritten.
 */
function EditForm({ versioned }: { versioned: Versioned }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const mayHandOver = useMay('initiatives:hand-over');
  const [current, setCurrent] = useState(versioned);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [status, setStatus] = useState('');
  const base = useMemo(() => toFormValues(current.initiative), [current]);
  const { form, problem, submitWith } = useApiForm<InitiativeFormValues>({ defaultValues: base, fields: fieldPaths(ALL_FIELDS) });
  const { control, formState } = form;
  const conflictFields = useConflictFields();
  useUnsavedChangesWarning(formState.isDirty);
  const me = useMe();
  const restored = useSessionDraft(form, `insats-andra:${versioned.initiative.id}`, base, me.data?.subject);

  // A link to a field to fix (`…/andra#falt-goalIds`) lands on it.
  useEffect(() => {
    if (window.location.hash.startsWith('#falt-')) focusFieldById(decodeURIComponent(window.location.hash.slice(1)));
  }, []);

  const save = async (values: InitiativeFormValues, from: Versioned) => {
    const start = toFormValues(from.initiative);
    const changed = ALL_FIELDS.filter((field) => !sameValue(start[field], values[field]));
    if (changed.length === 0) {
      setStatus(t.edit.noChanges);
      return;
    }
    setStatus(t.edit.saving);
    try {
      const next = await patchInitiative(from.initiative.id, from.etag, toBody(values, changed));
      await saved(queryClient, next);
      setCurrent(next);
      form.reset(toFormValues(next.initiative));
      setStatus(t.edit.saved);
      if (next.initiative.code !== from.initiative.code) {
        await navigate({ to: '/insatser/$code/andra', params: { code: next.initiative.code }, replace: true, ignoreBlocker: true });
      }
    } catch (error) {
      setStatus('');
      if (error instanceof ApiProblemError && error.problem.status === 412) {
        setConflict({ mine: values, theirs: await readInitiative(from.initiative.id) });
        return;
      }
      throw error;
    }
  };

  const resolve = async (merged: InitiativeFormValues) => {
    if (!conflict) return;
    const { theirs } = conflict;
    setConflict(null);
    setCurrent(theirs);
    // The other person's version is the new starting point; the merge is what this person now has typed.
    form.reset(toFormValues(theirs.initiative));
    for (const field of ALL_FIELDS) form.setValue(field, merged[field], { shouldDirty: true });
    await submitWith((values) => save(values, theirs))();
  };

  return (
    <form onSubmit={submitWith((values) => save(values, current))} noValidate>
      {conflict ? (
        <ConflictView fields={conflictFields} base={base} mine={conflict.mine} theirs={toFormValues(conflict.theirs.initiative)} onResolve={resolve} />
      ) : (
        <ErrorSummary problem={problem} labels={FIELD_LABELS} />
      )}
      <p role="status" className={styles.status}>
        {status || (restored ? t.restoredDraft : '')}
      </p>
      <nav aria-label={t.edit.sectionsLabel}>
        <ul>
          {SECTIONS.map((key) => (
            <li key={key}>
              <a href={`#del-${key}`}>{t.steps[key]}</a>
            </li>
          ))}
        </ul>
      </nav>
      {SECTIONS.map((key) => (
        <EditSection key={key} name={key}>
          {key === 'basics' && <BasicsFields control={control} />}
          {key === 'participants' && (
            <>
              <LeadDepartmentField control={control} mayChoose={mayHandOver.allowed} name={current.initiative.leadDepartmentName} />
              <ParticipantsFields control={control} />
            </>
          )}
          {key === 'processOwner' && <ProcessOwnerFields control={control} />}
          {key === 'goals' && <GoalPicker control={control} />}
          {key === 'reach' && <ReachFields control={control} />}
          {key === 'timeAndCost' && <TimeAndCostFields control={control} />}
          {key === 'followUp' && <FollowUpFields control={control} />}
        </EditSection>
      ))}
      <FormActions>
        <FormButton type="submit" isDisabled={formState.isSubmitting || conflict !== null}>
          {t.edit.save}
        </FormButton>
        <Link to="/insatser/$code" params={{ code: current.initiative.code }}>
          {t.toInitiative}
        </Link>
      </FormActions>
    </form>
  );
}

function EditSection({ name, children }: { name: StepKey; children: ReactNode }) {
  return (
    <section id={`del-${name}`} aria-labelledby={`del-${name}-rubrik`} className={styles.section}>
      <h2 id={`del-${name}-rubrik`}>{t.steps[name]}</h2>
      {children}
    </section>
  );
}
