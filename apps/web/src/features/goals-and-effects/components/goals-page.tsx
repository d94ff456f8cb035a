import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import buttons from '../../../components/buttons.module.css';
import { Page } from '../../../components/layout/page';
import { messages, type InitiativeStatusKey } from '../../../lib/messages';
import formStyles from '../../../components/forms/forms.module.css';
import { LoadError } from '../../../components/load-error';
import { useGoalTreeFigures, type GoalFigures } from '../api/goal-queries';
import { goalsMessages as t } from '../messages';
import { goalsWithChildren, openAtFirst } from '../utils/goal-tree';
import { statusesOf, type GoalSearch } from '../utils/goal-search';
import { GoalTree } from './goal-tree';
import styles from './goals.module.css';

const route = getRouteApi('/mal');
const ALL = 'all';

/** Mål och effekter: the goal tree with each goal's initiatives, their annual cost and its indicators' trend. */
export function GoalsPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const status = statusesOf(search);
  const tree = useGoalTreeFigures(status);
  return (
    <Page title={messages.nav.goals} wide>
      <p className={styles.intro}>{t.intro}</p>
      <p>
        <Link to="/nyckeltal">{t.toKeyFigures}</Link>
      </p>
      <ScopeChoice search={search} onChange={(next) => void navigate({ search: next, replace: true })} />
      {tree.isPending ? (
        <p role="status">{t.loading}</p>
      ) : tree.isError ? (
        <LoadError error={tree.error} message={t.error} onRetry={() => void tree.refetch()} />
      ) : (
        <Tree goals={tree.data} status={status} />
      )}
    </Page>
  );
}

function ScopeChoice({ search, onChange }: { search: GoalSearch; onChange: (next: GoalSearch) => void }) {
  return (
    <RadioGroup
      className={formStyles.fieldset}
      value={search.scope ?? ALL}
      onChange={(value) => onChange(value === 'open' ? { scope: 'open' } : {})}
    >
      <Label className={formStyles.label}>{t.scope.label}</Label>
      <div className={formStyles.choices}>
        {[ALL, 'open'].map((value) => (
          <Radio key={value} value={value} className={formStyles.radio}>
            <span className={formStyles.dot} aria-hidden="true" />
            {value === 'open' ? t.scope.open : t.scope.all}
          </Radio>
        ))}
      </div>
    </RadioGroup>
  );
}

function Tree({ goals, status }: { goals: GoalFigures[]; status: InitiativeStatusKey[] | undefined }) {
  const [open, setOpen] = useState(() => openAtFirst(goals));
  const toggle = (goalId: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(goalId)) next.add(goalId);
      return next;
    });
  return (
    <section aria-labelledby="maltradet">
      <h2 id="maltradet">{t.treeHeading}</h2>
      {goals.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <>
          <div className={styles.treeActions}>
            <button
              type="button"
              className={buttons.outlined}
              onClick={() => setOpen(new Set(goalsWithChildren(goals)))}
            >
              {t.expandAll}
            </button>
            <button type="button" className={buttons.outlined} onClick={() => setOpen(new Set())}>
              {t.collapseAll}
            </button>
          </div>
          <GoalTree goals={goals} open={open} onToggle={toggle} status={status} />
        </>
      )}
    </section>
  );
}
