import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useEffect, useRef, useState, type BaseSyntheticEvent, type ComponentType, type ReactNode } from 'react';
import { ConflictView } from '../../../components/forms/conflict-view';
import { ErrorSummary } from '../../../components/forms/error-summary';
import { FormActions, FormButton } from '../../../components/forms/form-button';
import { useApiForm } from '../../../components/forms/use-api-form';
import { useUnsavedChangesWarning } from '../../../components/forms/use-unsaved-changes-warning';
import { Page } from '../../../components/layout/page';
import { ApiProblemError } from '../../../lib/api-client';
import { useMay } from '../../../lib/auth/use-may';
import { useMe } from '../../../lib/auth/use-me';
import { messages } from '../../../lib/messages';
import { toFormProblem, type FormProblem } from '../../../lib/problem';
import {
  createInitiative,
  propose,
  saved,
  useEditableInitiative,
  useNextMoves,
  type Versioned,
} from '../api/initiative-editing';
import {
  clampStep,
  EMPTY_VALUES,
  FIELD_LABELS,
  fieldPaths,
  STEP_OF_GUARD,
  STEPS,
  toBody,
  toFormValues,
  type Initiative,
  type InitiativeField,
  type InitiativeFormValues,
} from '../utils/initiative-form';
import { BasicsFields, LeadDepartmentField, SectionFields } from './initiative-fields';
import { useConflictFields } from '../hooks/use-conflict-fields';
import { useSessionDraft } from '../hooks/use-session-draft';
import { useVersionedSave } from '../hooks/use-versioned-save';
import { LoadState, ownersOf } from './load-state';
import { initiativeEditingMessages } from '../messages';
import styles from './editing.module.css';

const t = initiativeEditingMessages;

/** The funding lines' editor, from features/funding: the app's route passes it in (features do not import each other). */
export type FundingEditor = ComponentType<{ initiativeId: string }>;

/** Ny insats (/insatser/ny): the guide's first step, before there is a draft. */
export function NewInitiativeRoutePage({ fundingEditor }: { fundingEditor: FundingEditor }) {
  return <Guide step={1} fundingEditor={fundingEditor} />;
}

const guideRoute = getRouteApi('/insatser/$code/guide');

/** The guide for a draft on the server (/insatser/SSPF/guide?steg=3): where it goes on, and where a person resumes. */
export function GuideRoutePage({ fundingEditor }: { fundingEditor: FundingEditor }) {
  const { code } = guideRoute.useParams();
  const { steg } = guideRoute.useSearch();
  const query = useEditableInitiative(code);
  return (
    <LoadState code={code} query={query} title={t.newTitle}>
      {(versioned) => <Guide versioned={versioned} step={clampStep(steg)} fundingEditor={fundingEditor} />}
    </LoadState>
  );
}

type GuideProps = { versioned?: Versioned; step: number; fundingEditor: FundingEditor };

function Guide({ versioned, step, fundingEditor: FundingLines }: GuideProps) {
  const initiative = versioned?.initiative;
  const mayCreate = useMay('initiatives:create');
  const mayWrite = useMay('initiatives:write', initiative ? ownersOf(initiative) : undefined);
  const may = initiative ? mayWrite : mayCreate;
  // The step's heading takes focus when the person moves between steps, not when the page first shows.
  const [shown, setShown] = useState({ step, moved: false });
  if (shown.step !== step) setShown({ step, moved: true });

  const { key } = STEPS[step - 1]!;
  return (
    <Page title={initiative ? t.guideTitle(initiative.title) : t.newTitle}>
      <p>{t.guide.intro}</p>
      <StepNav code={initiative?.code} step={step} />
      {may.pending ? null : !may.allowed ? (
        <p className={styles.refusal}>{may.reason}</p>
      ) : (
        <StepFrame key={step} step={step} focus={shown.step !== step || shown.moved}>
          {key === 'funding' && initiative ? (
            <>
              <p className={styles.help}>{t.guide.fundingIntro}</p>
              <FundingLines initiativeId={initiative.id} />
              <StepLinks code={initiative.code} step={step} />
            </>
          ) : key === 'done' && initiative ? (
            <DoneStep initiative={initiative} />
          ) : (
            <StepForm versioned={versioned} step={step} />
          )}
        </StepFrame>
      )}
    </Page>
  );
}

/** The steps, the current one marked by aria-current, a frame and its state in words; each a link once a draft exists. */
function StepNav({ code, step }: { code: string | undefined; step: number }) {
  return (
    <nav aria-label={t.guide.stepsLabel}>
      <ol className={styles.steps}>
        {STEPS.map(({ key }, index) => {
          const number = index + 1;
          const current = number === step;
          const label = (
            <>
              <span>
                {number}. {t.steps[key]}
              </span>
              {current && <span className={styles.stepState}>{t.guide.stepState.current}</span>}
            </>
          );
          return (
            <li key={key} className={styles.step} aria-current={current ? 'step' : undefined}>
              {code && !current ? (
                <Link to="/insatser/$code/guide" params={{ code }} search={{ steg: number }}>
                  {label}
                </Link>
              ) : (
                label
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

function StepFrame({ step, focus, children }: { step: number; focus: boolean; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, [focus]);
  return (
    <section aria-labelledby="guide-steg">
      <p className={styles.help}>{t.guide.stepOf(step, STEPS.length)}</p>
      <h2 id="guide-steg" ref={heading} tabIndex={-1} className={styles.stepHeading}>
        {t.steps[STEPS[step - 1]!.key]}
      </h2>
      {children}
    </section>
  );
}

/** "Föregående steg" and "Fortsätt" for a step with nothing of its own to save (funding lines save themselves). */
function StepLinks({ code, step }: { code: string; step: number }) {
  const navigate = useNavigate();
  const go = (steg: number) => void navigate({ to: '/insatser/$code/guide', params: { code }, search: { steg } });
  return (
    <FormActions>
      <FormButton onPress={() => go(step + 1)}>{t.guide.fundingNext}</FormButton>
      <FormButton variant="secondary" onPress={() => go(step - 1)}>
        {t.guide.previous}
      </FormButton>
    </FormActions>
  );
}

/** Moves on to a step once a save is done (the form is saved, so nothing to warn about). */
function useGoToStep() {
  const navigate = useNavigate();
  return (code: string, steg: number) =>
    navigate({ to: '/insatser/$code/guide', params: { code }, search: { steg }, ignoreBlocker: true });
}

/** A step's form: warns before unsaved changes are lost, and keeps them if the session ends. */
function useStepForm(values: InitiativeFormValues, fields: readonly InitiativeField[], draftKey: string) {
  const me = useMe();
  const [opened] = useState(values);
  const apiForm = useApiForm<InitiativeFormValues>({ defaultValues: opened, fields: fieldPaths(fields) });
  useUnsavedChangesWarning(apiForm.form.formState.isDirty);
  const restored = useSessionDraft(apiForm.form, draftKey, opened, me.data?.subject);
  return { ...apiForm, restored };
}

/** A step's fields in a form of their own: the first step of a new initiative registers it, any other saves its changes. */
function StepForm({ versioned, step }: { versioned: Versioned | undefined; step: number }) {
  return versioned ? <SaveStepForm versioned={versioned} step={step} /> : <CreateStepForm />;
}

/** The first step, before there is a draft: saving registers the initiative as a draft (POST), then on to step 2. */
function CreateStepForm() {
  const mayHandOver = useMay('initiatives:hand-over');
  const queryClient = useQueryClient();
  const goToStep = useGoToStep();
  // An admin names the lead department when registering (the API requires it of them); others lead with their own.
  const fields: readonly InitiativeField[] = mayHandOver.allowed
    ? [...STEPS[0]!.fields, 'leadDepartmentId']
    : STEPS[0]!.fields;
  const stepForm = useStepForm(EMPTY_VALUES, fields, 'insats-guide:ny');
  const onSubmit = stepForm.submitWith(async (values) => {
    const next = await createInitiative(toBody(values, fields));
    await saved(queryClient, next);
    stepForm.form.reset(toFormValues(next.initiative));
    await goToStep(next.initiative.code, 2);
  });
  return <StepFields step={1} stepForm={stepForm} onSubmit={onSubmit} />;
}

/**
 * A step of a draft on the server: saving sends the step's changed fields with If-Match (PATCH), then on to the next
 * step; when someone else saved first, the conflict view shows both versions of the step's fields.
 */
function SaveStepForm({ versioned, step }: { versioned: Versioned; step: number }) {
  const { fields } = STEPS[step - 1]!;
  const goToStep = useGoToStep();
  const stepForm = useStepForm(
    toFormValues(versioned.initiative),
    fields,
    `insats-guide:${versioned.initiative.id}:${step}`,
  );
  const conflictFields = useConflictFields(fields);
  const { current, base, conflict, resolve, onSubmit } = useVersionedSave(
    stepForm.form,
    stepForm.submitWith,
    versioned,
    fields,
    (_, now) => goToStep(now.initiative.code, step + 1),
  );
  const conflictView = conflict && (
    <ConflictView
      fields={conflictFields}
      base={base}
      mine={conflict.mine}
      theirs={toFormValues(conflict.theirs.initiative)}
      onResolve={resolve}
    />
  );
  return (
    <StepFields
      step={step}
      stepForm={stepForm}
      onSubmit={onSubmit}
      initiative={current.initiative}
      conflictView={conflictView}
    />
  );
}

type StepFieldsProps = {
  step: number;
  stepForm: ReturnType<typeof useStepForm>;
  onSubmit: (event?: BaseSyntheticEvent) => Promise<void>;
  /** The draft, once there is one. */
  initiative?: Initiative;
  conflictView?: ReactNode;
};

/** The step's fields, what went wrong (or the conflict view) above them, and the step's buttons. */
function StepFields({ step, stepForm, onSubmit, initiative, conflictView }: StepFieldsProps) {
  const { form, problem, restored } = stepForm;
  const { control, formState } = form;
  const mayHandOver = useMay('initiatives:hand-over');
  const me = useMe();
  const navigate = useNavigate();
  const { key } = STEPS[step - 1]!;
  const lead = (
    <LeadDepartmentField
      control={control}
      mayChoose={mayHandOver.allowed}
      name={initiative?.leadDepartmentName ?? me.data?.department?.name}
    />
  );

  return (
    <form onSubmit={onSubmit} noValidate>
      {conflictView || <ErrorSummary problem={problem} labels={FIELD_LABELS} />}
      {restored && <p className={styles.status}>{t.restoredDraft}</p>}
      <SectionFields
        step={key}
        control={control}
        basics={
          <BasicsFields
            control={control}
            setCode={initiative ? undefined : (code) => form.setValue('code', code)}
            lead={!initiative && mayHandOver.allowed ? lead : undefined}
          />
        }
        lead={lead}
      />
      <FormActions>
        <FormButton type="submit" isDisabled={formState.isSubmitting || Boolean(conflictView)}>
          {formState.isSubmitting ? t.guide.saving : initiative ? t.guide.saveAndContinue : t.guide.createDraft}
        </FormButton>
        {step > 1 && initiative && (
          <FormButton
            variant="secondary"
            onPress={() =>
              void navigate({
                to: '/insatser/$code/guide',
                params: { code: initiative.code },
                search: { steg: step - 1 },
              })
            }
          >
            {t.guide.previous}
          </FormButton>
        )}
      </FormActions>
      {!initiative && <p className={styles.help}>{t.guide.draftNote}</p>}
    </form>
  );
}

/** The end: what moving to proposed still needs (the API's guards), each linked to its step, and the move itself. */
function DoneStep({ initiative }: { initiative: Initiative }) {
  const moves = useNextMoves(initiative.id);
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const [proposed, setProposed] = useState(false);
  const text = t.done;

  const move = async () => {
    setBusy(true);
    try {
      await propose(initiative.id);
      setProblem(null);
      setProposed(true);
      await queryClient.invalidateQueries({ queryKey: ['initiative'] });
      await queryClient.invalidateQueries({ queryKey: ['initiatives'] });
    } catch (error) {
      if (!(error instanceof ApiProblemError)) throw error;
      setProblem(toFormProblem(error.problem));
    } finally {
      setBusy(false);
    }
  };

  const toProposed = moves.data?.moves.find((m) => m.to === 'proposed');
  const guards = toProposed?.unmetGuards ?? [];
  return (
    <>
      <ErrorSummary problem={problem} labels={FIELD_LABELS} />
      <p role="status" className={styles.status}>
        {proposed ? text.proposed : ''}
      </p>
      {proposed || initiative.status !== 'draft' ? (
        <>
          {!proposed && <p>{text.alreadyMoved(messages.initiativeStatus[initiative.status])}</p>}
          <p>
            <Link to="/insatser/$code" params={{ code: initiative.code }}>
              {t.toInitiative}
            </Link>
          </p>
        </>
      ) : moves.isPending ? (
        <p>{text.loading}</p>
      ) : (
        <>
          <p>{text.intro}</p>
          {guards.length === 0 ? (
            <p>{text.ready}</p>
          ) : (
            <>
              <p>{text.needs}</p>
              <ul className={styles.checklist}>
                {guards.map((guard) => (
                  <li key={guard}>
                    {messages.problem.guards[guard] ?? guard}{' '}
                    {STEP_OF_GUARD[guard] && (
                      <Link
                        to="/insatser/$code/guide"
                        params={{ code: initiative.code }}
                        search={{ steg: STEP_OF_GUARD[guard] }}
                      >
                        {text.goToStep(t.steps[STEPS[STEP_OF_GUARD[guard] - 1]!.key])}
                      </Link>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
          {toProposed && !toProposed.allowed && <p>{text.notAllowed}</p>}
          <FormActions>
            <FormButton isDisabled={busy || guards.length > 0 || !toProposed?.allowed} onPress={() => void move()}>
              {busy ? text.proposing : text.propose}
            </FormButton>
          </FormActions>
        </>
      )}
    </>
  );
}
