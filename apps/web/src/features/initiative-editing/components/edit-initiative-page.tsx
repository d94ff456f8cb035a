import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useEffect, useState, type ReactNode } from 'react';
import { ConflictView } from '../../../components/forms/conflict-view';
import { ErrorSummary } from '../../../components/forms/error-summary';
import { focusFieldById } from '../../../components/forms/field-id';
import { FormActions, FormButton } from '../../../components/forms/form-button';
import { useApiForm } from '../../../components/forms/use-api-form';
import { useUnsavedChangesWarning } from '../../../components/forms/use-unsaved-changes-warning';
import { Page } from '../../../components/layout/page';
import { useMay } from '../../../lib/auth/use-may';
import { useMe } from '../../../lib/auth/use-me';
import { summaryFor } from '../../../lib/problem';
import { useEditableInitiative, type Versioned } from '../api/initiative-editing';
import { useConflictFields } from '../hooks/use-conflict-fields';
import { useSessionDraft } from '../hooks/use-session-draft';
import { useVersionedSave } from '../hooks/use-versioned-save';
import {
  FIELD_LABELS,
  fieldPaths,
  STEPS,
  toFormValues,
  type InitiativeField,
  type InitiativeFormValues,
  type StepKey,
} from '../utils/initiative-form';
import { BasicsFields, LeadDepartmentField, SectionFields } from './initiative-fields';
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

/**
 * The whole initiative in one form, each part a section. Saving sends only what the person changed, with the version
 * they started from; when someone else saved first (412), the conflict view shows both and nothing is overwritten.
 */
function EditForm({ versioned }: { versioned: Versioned }) {
  const navigate = useNavigate();
  const mayHandOver = useMay('initiatives:hand-over');
  const me = useMe();
  const [status, setStatus] = useState('');
  const [opened] = useState(() => toFormValues(versioned.initiative));
  const { form, problem, submitWith } = useApiForm<InitiativeFormValues>({
    defaultValues: opened,
    fields: fieldPaths(ALL_FIELDS),
  });
  const { control, formState } = form;
  const conflictFields = useConflictFields(ALL_FIELDS);
  useUnsavedChangesWarning(formState.isDirty);
  const { current, base, conflict, resolve, onSubmit } = useVersionedSave(
    form,
    submitWith,
    versioned,
    ALL_FIELDS,
    async (outcome, now, before) => {
      setStatus(outcome === 'saved' ? t.edit.saved : t.edit.noChanges);
      if (now.initiative.code !== before.initiative.code) {
        await navigate({
          to: '/insatser/$code/andra',
          params: { code: now.initiative.code },
          replace: true,
          ignoreBlocker: true,
        });
      }
    },
  );
  const restored = useSessionDraft(form, `insats-andra:${versioned.initiative.id}`, base, me.data?.subject);

  // A link to a field to fix (`…/andra#falt-goalIds`) lands on it: after the frame has put focus on the page's heading.
  useEffect(() => {
    const { hash } = window.location;
    if (!hash.startsWith('#falt-')) return undefined;
    const frame = requestAnimationFrame(() => focusFieldById(decodeURIComponent(hash.slice(1))));
    return () => cancelAnimationFrame(frame);
  }, []);

  return (
    <form
      onSubmit={(event) => {
        setStatus('');
        return onSubmit(event);
      }}
      noValidate
    >
      {conflict ? (
        <ConflictView
          fields={conflictFields}
          base={base}
          mine={conflict.mine}
          theirs={toFormValues(conflict.theirs.initiative)}
          onResolve={resolve}
        />
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
          <SectionFields
            step={key}
            control={control}
            basics={<BasicsFields control={control} />}
            lead={
              <LeadDepartmentField
                control={control}
                mayChoose={mayHandOver.allowed}
                name={current.initiative.leadDepartmentName}
              />
            }
          />
        </EditSection>
      ))}
      <FormActions>
        <FormButton type="submit" isDisabled={formState.isSubmitting || conflict !== null}>
          {formState.isSubmitting ? t.edit.saving : t.edit.save}
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
