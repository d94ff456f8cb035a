import { useMemo, useState } from 'react';
import { Checkbox, CheckboxGroup, FieldError, Input, Label, SearchField, Text } from 'react-aria-components';
import { useController, type Control } from 'react-hook-form';
import { fieldId } from '../../../components/forms/field-id';
import formStyles from '../../../components/forms/forms.module.css';
import { messages } from '../../../lib/messages';
import { useGoalTree } from '../api/initiative-editing';
import { goalsWithChains, matchesGoal, type GoalWithChain } from '../utils/goals';
import type { InitiativeFormValues } from '../utils/initiative-form';
import { initiativeEditingMessages } from '../messages';
import styles from './editing.module.css';

const f = initiativeEditingMessages.fields;
const levels = messages.vocabulary.goalLevel as Record<string, string>;

/** "Agenda 2030: 10 Minskad ojämlikhet › Prioriterat mål: …": the goals above one, for its description. */
function chainText({ chain }: GoalWithChain): string {
  return chain
    .slice(0, -1)
    .map((step) => `${levels[step.level] ?? step.level}: ${step.code} ${step.title}`)
    .join(' › ');
}

/**
 * The goal tree as checkboxes, indented by level, each goal described by the chain of governing documents above it
 * (shown once a search narrows the tree by name or code, when indentation no longer shows it). The chosen goals are listed with their chains above the tree, so a choice the search
 * hides stays in view.
 */
export function GoalPicker({ control }: { control: Control<InitiativeFormValues> }) {
  const tree = useGoalTree();
  const { field, fieldState } = useController({ control, name: 'goalIds' });
  const [query, setQuery] = useState('');
  const goals = useMemo(() => goalsWithChains(tree.data ?? []), [tree.data]);
  const shown = goals.filter((goal) => matchesGoal(goal, query));
  const chosen = goals.filter((goal) => field.value.includes(goal.id));

  return (
    <div className={styles.goalPicker}>
      <h3 className={styles.subheading}>{f.selectedGoals}</h3>
      {chosen.length === 0 ? (
        <p>{f.noSelectedGoals}</p>
      ) : (
        <ul className={styles.chosenGoals}>
          {chosen.map((goal) => (
            <li key={goal.id}>
              <span className={styles.goalLevel}>{levels[goal.level] ?? goal.level}</span> {goal.code} {goal.title}
              {goal.chain.length > 1 && <span className={styles.chain}>{chainText(goal)}</span>}
            </li>
          ))}
        </ul>
      )}
      <SearchField className={formStyles.field} value={query} onChange={setQuery}>
        <Label className={formStyles.label}>{f.goalSearch}</Label>
        <Input className={formStyles.input} />
        <Text slot="description" className={formStyles.description}>
          {f.goalSearchHelp}
        </Text>
      </SearchField>
      <CheckboxGroup
        id={fieldId('goalIds')}
        className={formStyles.fieldset}
        name={field.name}
        value={field.value}
        onChange={field.onChange}
        onBlur={field.onBlur}
        isInvalid={fieldState.invalid}
        validationBehavior="aria"
      >
        <Label className={formStyles.label}>{f.goals}</Label>
        <Text slot="description" className={formStyles.description}>
          {f.goalsHelp}
        </Text>
        <FieldError className={formStyles.fieldError}>{fieldState.error?.message}</FieldError>
        {shown.length === 0 && tree.isSuccess && <p role="status">{f.noGoalMatch}</p>}
        <ul className={styles.goalTree}>
          {shown.map((goal) => (
            <li key={goal.id} className={styles[`depth${query ? 0 : Math.min(goal.chain.length - 1, 5)}`]}>
              <Checkbox
                value={goal.id}
                className={formStyles.checkbox}
                aria-describedby={goal.chain.length > 1 ? `mal-${goal.id}-kedja` : undefined}
              >
                <span className={formStyles.box} aria-hidden="true" />
                <span>
                  <span className={styles.goalLevel}>{levels[goal.level] ?? goal.level}</span> {goal.code} {goal.title}
                </span>
              </Checkbox>
              {/* The tree's indentation shows the chain to the eye; a screen reader hears it, and a search shows it. */}
              {goal.chain.length > 1 && (
                <span id={`mal-${goal.id}-kedja`} className={query ? styles.chain : 'visually-hidden'}>
                  {chainText(goal)}
                </span>
              )}
            </li>
          ))}
        </ul>
      </CheckboxGroup>
    </div>
  );
}
