import { useEffect } from 'react';
import { useWatch } from 'react-hook-form';
import { DateField, SelectField, TextAreaField, TextField } from '../../../components/forms/fields';
import { REQUIRED, useApiForm } from '../../../components/forms/use-api-form';
import { messages } from '../../../lib/messages';
import { useCreateGoal, useUpdateGoal, type Goal, type GoalTreeNode } from '../api/goals';
import {
  goalParents,
  levelsBetween,
  newGoalValues,
  NO_PARENT,
  toGoalChanges,
  toGoalValues,
  toNewGoal,
  type GoalValues,
} from '../utils/goals';
import { administrationMessages } from '../messages';
import { AdminForm, type StaleTexts } from './admin-form';

const t = administrationMessages.goals;
const LABELS = {
  code: t.code,
  title: t.goalTitle,
  description: t.description,
  level: t.level,
  framework: t.framework,
  parentId: t.parent,
  validFrom: t.validFrom,
  validTo: t.validTo,
};
const FIELDS = Object.keys(LABELS);

/** A new goal under `parent` (null: at the top of the tree), or a change to `goal` as read with its ETag. */
export type GoalFormMode =
  { action: 'add'; parent: GoalTreeNode | null } | { action: 'change'; goal: Goal; etag: string };

type Props = {
  mode: GoalFormMode;
  /** Every goal of the tree, for the parents a goal may move under and the levels it may take. */
  goals: readonly GoalTreeNode[];
  onDone: (saved: Goal) => void;
  onCancel: () => void;
  stale?: StaleTexts;
  reloaded?: boolean;
};

/** A goal's fields; the API's refusals (a code taken, a level that does not fit) land on them in Swedish. */
export function GoalForm({ mode, goals, onDone, onCancel, stale, reloaded }: Props) {
  const create = useCreateGoal();
  const update = useUpdateGoal();
  const pending = create.isPending || update.isPending;
  const { form, problem, submitWith } = useApiForm<GoalValues>({
    defaultValues: mode.action === 'add' ? newGoalValues(mode.parent) : toGoalValues(mode.goal),
    fields: FIELDS,
  });

  // The levels that fit between the chosen parent and the goals under this one; a level that no longer fits is cleared.
  const [parentId, level] = useWatch({ control: form.control, name: ['parentId', 'level'] });
  const parent = goals.find((goal) => goal.id === parentId) ?? null;
  const children = mode.action === 'change' ? (goals.find((goal) => goal.id === mode.goal.id)?.children ?? []) : [];
  const levels = levelsBetween(
    parent?.level ?? null,
    children.map((child) => child.level),
  );
  useEffect(() => {
    if (level && !levels.includes(level)) form.setValue('level', null);
  }, [form, level, levels]);
  const levelOptions = levels.map((id) => ({ id, label: messages.vocabulary.goalLevel[id] }));
  const parentOptions =
    mode.action === 'change'
      ? [
          { id: NO_PARENT, label: t.noParent },
          ...goalParents(goals, mode.goal.id).map((goal) => ({ id: goal.id, label: `${goal.code} ${goal.title}` })),
        ]
      : [];

  const send = submitWith(async (values) => {
    if (pending) return;
    if (mode.action === 'add') return onDone(await create.mutateAsync(toNewGoal(values)));
    const changes = toGoalChanges(mode.goal, values);
    onDone(
      Object.keys(changes).length === 0
        ? mode.goal
        : await update.mutateAsync({ id: mode.goal.id, etag: mode.etag, changes }),
    );
  });

  const headingFor =
    mode.action === 'change'
      ? t.editHeading(mode.goal.code)
      : mode.parent
        ? t.addHeading(mode.parent.code)
        : t.addRootHeading;
  return (
    <AdminForm
      id="malformular"
      heading={headingFor}
      level={3}
      problem={problem}
      labels={LABELS}
      {...(stale ? { stale } : {})}
      {...(reloaded ? { reloaded } : {})}
      onSubmit={send}
      pending={pending}
      texts={t}
      onCancel={onCancel}
    >
      {mode.action === 'add' && mode.parent ? <p>{t.under(mode.parent.code, mode.parent.title)}</p> : null}
      <TextField
        control={form.control}
        name="code"
        label={t.code}
        description={t.codeHelp}
        isRequired
        rules={REQUIRED}
        autoComplete="off"
      />
      <TextAreaField
        control={form.control}
        name="title"
        label={t.goalTitle}
        description={t.goalTitleHelp}
        isRequired
        rules={REQUIRED}
        rows={2}
      />
      <TextAreaField control={form.control} name="description" label={t.description} rows={3} />
      <SelectField
        control={form.control}
        name="level"
        label={t.level}
        description={t.levelHelp}
        isRequired
        rules={REQUIRED}
        options={levelOptions}
      />
      <TextField
        control={form.control}
        name="framework"
        label={t.framework}
        description={t.frameworkHelp}
        isRequired
        rules={REQUIRED}
      />
      {mode.action === 'change' ? (
        <SelectField
          control={form.control}
          name="parentId"
          label={t.parent}
          description={t.parentHelp}
          options={parentOptions}
        />
      ) : null}
      <DateField control={form.control} name="validFrom" label={t.validFrom} />
      <DateField control={form.control} name="validTo" label={t.validTo} description={t.validToHelp} />
    </AdminForm>
  );
}
