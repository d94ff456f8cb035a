import { useState, type ReactNode } from 'react';
import { Announcement } from '../../../components/announcement';
import buttons from '../../../components/buttons.module.css';
import { LoadError } from '../../../components/load-error';
import { messages } from '../../../lib/messages';
import { useGoal, useGoalTree, type GoalTreeNode } from '../api/goals';
import { useFormPanel } from '../hooks/use-form-panel';
import { flattenGoals, levelsBetween, validityText } from '../utils/goals';
import { administrationMessages } from '../messages';
import { AdminScreen } from './admin-screen';
import styles from './administration.module.css';
import { GoalForm } from './goal-form';

const t = administrationMessages.goals;
const ADD_ROOT_ID = 'lagg-till-mal-overst';
const addButtonId = (id: string) => `lagg-till-under-${id}`;
const editButtonId = (id: string) => `andra-mal-${id}`;

/** The one form open: a new goal under a parent (null: at the top), or a change to a goal. */
type Target = { action: 'add'; parent: GoalTreeNode | null } | { action: 'change'; goal: GoalTreeNode };

/** /admin/mal: the goal tree of the governing documents as nested lists; add a goal under another, change one. */
export function GoalsAdminPage() {
  return (
    <AdminScreen title={t.title} permission="goals:write" mayNot={t.mayNot} wide>
      <GoalTreeEditor />
    </AdminScreen>
  );
}

function GoalTreeEditor() {
  const tree = useGoalTree();
  const { editing, open, close, announcement, announcementRef } = useFormPanel<Target>();
  const target = editing.kind === 'edit' ? editing.item : null;

  if (tree.isPending) return <p role="status">{administrationMessages.loading}</p>;
  if (tree.isError) return <LoadError error={tree.error} message={t.error} onRetry={() => void tree.refetch()} />;
  const goals = flattenGoals(tree.data);
  const opener = !target
    ? ADD_ROOT_ID
    : target.action === 'change'
      ? editButtonId(target.goal.id)
      : target.parent
        ? addButtonId(target.parent.id)
        : ADD_ROOT_ID;
  const form = (at: Target['action'], goal: GoalTreeNode | null) => {
    if (!target || target.action !== at || (target.action === 'add' ? target.parent : target.goal)?.id !== goal?.id)
      return null;
    const done = { onCancel: () => close(null, opener), goals };
    return target.action === 'add' ? (
      <GoalForm mode={target} {...done} onDone={(saved) => close(t.added(saved.code), opener)} />
    ) : (
      <GoalEditor goalId={target.goal.id} {...done} onDone={(code) => close(t.saved(code), opener)} />
    );
  };
  const shared = { open: (next: Target) => open({ kind: 'edit', item: next }), form };

  return (
    <>
      <p>{t.intro}</p>
      <Announcement text={announcement} ref={announcementRef} />
      <section aria-labelledby="malen" className={styles.section}>
        <h2 id="malen">{t.treeHeading}</h2>
        <button
          type="button"
          id={ADD_ROOT_ID}
          className={buttons.outlined}
          onClick={() => shared.open({ action: 'add', parent: null })}
        >
          {t.addRoot}
        </button>
        {form('add', null)}
        {tree.data.length === 0 ? <p>{t.empty}</p> : <GoalList goals={tree.data} {...shared} />}
      </section>
    </>
  );
}

type ListProps = {
  goals: readonly GoalTreeNode[];
  open: (target: Target) => void;
  form: (at: Target['action'], goal: GoalTreeNode) => ReactNode;
};

/** Each goal with its level, code and title in words, its buttons, the open form if it concerns it, then the goals under it. */
function GoalList({ goals, open, form }: ListProps) {
  return (
    <ul className={styles.goalTree}>
      {goals.map((goal) => {
        const validity = validityText(goal);
        return (
          <li key={goal.id}>
            <div className={styles.goal}>
              <p className={styles.goalName}>
                {messages.vocabulary.goalLevel[goal.level]} <span className={styles.goalCode}>{goal.code}</span>{' '}
                {goal.title}
              </p>
              <p className={styles.goalFacts}>
                {goal.framework}
                {validity ? `. ${validity}` : null}
              </p>
              <div className={styles.goalActions}>
                {/* Nothing sits below the lowest level. */}
                {levelsBetween(goal.level, []).length > 0 ? (
                  <button
                    type="button"
                    id={addButtonId(goal.id)}
                    className={buttons.outlined}
                    aria-label={t.addUnderLabel(goal.code)}
                    onClick={() => open({ action: 'add', parent: goal })}
                  >
                    {t.addUnder}
                  </button>
                ) : null}
                <button
                  type="button"
                  id={editButtonId(goal.id)}
                  className={buttons.outlined}
                  aria-label={t.editLabel(goal.code)}
                  onClick={() => open({ action: 'change', goal })}
                >
                  {t.edit}
                </button>
              </div>
            </div>
            {form('add', goal)}
            {form('change', goal)}
            {goal.children.length > 0 ? <GoalList goals={goal.children} open={open} form={form} /> : null}
          </li>
        );
      })}
    </ul>
  );
}

type EditorProps = {
  goalId: string;
  goals: readonly GoalTreeNode[];
  onDone: (code: string) => void;
  onCancel: () => void;
};

/**
 * A change starts from the goal as stored now and its ETag. When someone else saved first, "Hämta det senaste" reads
 * it again and opens the form anew on it.
 */
function GoalEditor({ goalId, goals, onDone, onCancel }: EditorProps) {
  const goal = useGoal(goalId);
  const [reloaded, setReloaded] = useState(false);
  if (goal.isPending) return <p role="status">{administrationMessages.loading}</p>;
  if (goal.isError) return <LoadError error={goal.error} message={t.goalError} onRetry={() => void goal.refetch()} />;
  return (
    <GoalForm
      key={goal.dataUpdatedAt}
      mode={{ action: 'change', ...goal.data }}
      goals={goals}
      onDone={(saved) => onDone(saved.code)}
      onCancel={onCancel}
      reloaded={reloaded}
      stale={{
        title: t.staleTitle,
        body: t.staleBody,
        onReload: async () => {
          await goal.refetch();
          setReloaded(true);
        },
      }}
    />
  );
}
