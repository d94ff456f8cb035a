import { useEffect } from 'react';
import { ErrorSummary } from '../../../components/forms/error-summary';
import { SelectField, TextAreaField, TextField, type FieldOption } from '../../../components/forms/fields';
import { FormActions, FormButton } from '../../../components/forms/form-button';
import { REQUIRED, useApiForm } from '../../../components/forms/use-api-form';
import { api, ApiProblemError, unwrap } from '../../../lib/api-client';
import type { EffectGraphNode, EffectLevel } from '../api/results-queries';
import { resultsMessages } from '../messages';
import styles from './results.module.css';

const t = resultsMessages.effectLogic;

type FormProps = { heading: string; onCancel: () => void };

type NodeValues = { title: string; description: string | null };

/** A node's title and description, for a new node or a renamed one. */
function NodeForm({
  heading,
  onCancel,
  defaultValues,
  titleHelp,
  save,
}: FormProps & { defaultValues: NodeValues; titleHelp?: string; save: (values: NodeValues) => Promise<void> }) {
  const { form, problem, submitWith } = useApiForm<NodeValues>({ defaultValues, fields: ['title', 'description'] });
  // The form opens where the person pressed "Lägg till" or "Ändra": they type straight away.
  useEffect(() => form.setFocus('title'), [form]);
  const onSubmit = submitWith(save);
  return (
    <form onSubmit={onSubmit} className={styles.inlineForm} aria-label={heading} noValidate>
      {/* A refused level (only a new node sends one) is told as the title's, the field that says what the node is. */}
      <ErrorSummary problem={problem} labels={{ title: t.nodeTitle, description: t.description, level: t.nodeTitle }} />
      <TextField
        control={form.control}
        name="title"
        label={t.nodeTitle}
        description={titleHelp}
        isRequired
        rules={REQUIRED}
      />
      <TextAreaField
        control={form.control}
        name="description"
        label={t.description}
        description={t.descriptionHelp}
        rows={2}
      />
      <FormActions>
        <FormButton type="submit" isDisabled={form.formState.isSubmitting}>
          {t.save}
        </FormButton>
        <FormButton variant="secondary" onPress={onCancel}>
          {t.cancel}
        </FormButton>
      </FormActions>
    </form>
  );
}

/** A new node at `level` of the initiative's chain. */
export function AddNodeForm({
  initiativeId,
  level,
  heading,
  onCancel,
  onAdded,
}: FormProps & { initiativeId: string; level: EffectLevel; onAdded: (title: string) => void }) {
  return (
    <NodeForm
      heading={heading}
      onCancel={onCancel}
      defaultValues={{ title: '', description: null }}
      titleHelp={t.levelHelp[level]}
      save={async ({ title, description }) => {
        const node = await unwrap(
          api.POST('/effect-nodes', {
            body: { level, title, ...(description?.trim() ? { description } : {}), initiativeId },
          }),
        );
        onAdded(node.title);
      }}
    />
  );
}

/** A new title (and description) for a node, with If-Match: a node someone else changed meanwhile is refused (412). */
export function RenameNodeForm({
  node,
  heading,
  onCancel,
  onRenamed,
}: FormProps & { node: EffectGraphNode; onRenamed: (title: string) => void }) {
  return (
    <NodeForm
      heading={heading}
      onCancel={onCancel}
      defaultValues={{ title: node.title, description: node.description }}
      save={async ({ title, description }) => {
        const saved = await unwrap(
          api.PATCH('/effect-nodes/{id}', {
            params: { path: { id: node.id }, header: { 'If-Match': `"${node.version}"` } },
            body: { title, description: description?.trim() ? description : null },
          }),
        );
        onRenamed(saved.title);
      }}
    />
  );
}

/** One choice from a list and a submit: linking a node forward, or measuring it with an indicator. */
function ChooseForm({
  heading,
  label,
  help,
  options,
  empty,
  onCancel,
  submit,
}: FormProps & {
  label: string;
  help: string;
  options: readonly FieldOption[];
  empty: string;
  submit: (id: string) => Promise<void>;
}) {
  const { form, problem, submitWith } = useApiForm<{ choice: string | null }>({
    defaultValues: { choice: null },
    fields: ['choice'],
  });
  const hasOptions = options.length > 0;
  useEffect(() => {
    if (hasOptions) form.setFocus('choice');
  }, [form, hasOptions]);
  const onSubmit = submitWith(async ({ choice }) => submit(choice!));
  return (
    <form onSubmit={onSubmit} className={styles.inlineForm} aria-label={heading} noValidate>
      <ErrorSummary problem={problem} labels={{ choice: label }} />
      {options.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <SelectField
          control={form.control}
          name="choice"
          label={label}
          description={help}
          options={options}
          isRequired
          rules={REQUIRED}
        />
      )}
      <FormActions>
        {options.length > 0 && (
          <FormButton type="submit" isDisabled={form.formState.isSubmitting}>
            {t.linkSubmit}
          </FormButton>
        )}
        <FormButton variant="secondary" onPress={onCancel}>
          {t.cancel}
        </FormButton>
      </FormActions>
    </form>
  );
}

/** The API names the refused field `toNodeId` or `indicatorId`; the form shows it as its one choice. */
async function asChoice(call: Promise<unknown>, apiField: 'toNodeId' | 'indicatorId') {
  try {
    await call;
  } catch (error) {
    if (!(error instanceof ApiProblemError)) throw error;
    const errors = error.problem.errors?.map((fieldError) =>
      fieldError.field === apiField ? { ...fieldError, field: 'choice' } : fieldError,
    );
    throw new ApiProblemError({ ...error.problem, ...(errors ? { errors } : {}) });
  }
}

export function LinkForm({
  node,
  targets,
  heading,
  onCancel,
  onLinked,
}: FormProps & {
  node: EffectGraphNode;
  targets: readonly (FieldOption & { title: string })[];
  onLinked: (to: string) => void;
}) {
  return (
    <ChooseForm
      heading={heading}
      label={t.linkTarget}
      help={t.linkTargetHelp}
      options={targets}
      empty={t.noLinkTargets}
      onCancel={onCancel}
      submit={async (toNodeId) => {
        await asChoice(unwrap(api.POST('/effect-links', { body: { fromNodeId: node.id, toNodeId } })), 'toNodeId');
        onLinked(targets.find((target) => target.id === toNodeId)?.title ?? '');
      }}
    />
  );
}

export function MeasureForm({
  node,
  indicators,
  heading,
  onCancel,
  onMeasured,
}: FormProps & { node: EffectGraphNode; indicators: readonly FieldOption[]; onMeasured: (indicator: string) => void }) {
  return (
    <ChooseForm
      heading={heading}
      label={t.indicator}
      help={t.indicatorHelp}
      options={indicators}
      empty={t.noIndicators}
      onCancel={onCancel}
      submit={async (indicatorId) => {
        await asChoice(
          unwrap(
            api.POST('/effect-nodes/{id}/indicators', { params: { path: { id: node.id } }, body: { indicatorId } }),
          ),
          'indicatorId',
        );
        onMeasured(indicators.find((indicator) => indicator.id === indicatorId)?.label ?? '');
      }}
    />
  );
}
