import { useEffect } from 'react';
import { Link } from '@tanstack/react-router';
import { ErrorSummary } from '../../../components/forms/error-summary';
import { SelectField } from '../../../components/forms/fields';
import { FormActions, FormButton } from '../../../components/forms/form-button';
import { REQUIRED, useApiForm } from '../../../components/forms/use-api-form';
import { api, ApiProblemError, unwrap } from '../../../lib/api-client';
import { useMe } from '../../../lib/auth/use-me';
import { useInitiativeChoices, useInitiativeEffectLogic, useInvalidateEffectLogic } from '../api/results-queries';
import { resultsMessages } from '../messages';
import { MEASURABLE_LEVELS } from '../utils/effect-levels';
import styles from './results.module.css';

const t = resultsMessages.indicator;
const LABELS = { initiativeId: t.attachInitiative, effectNodeId: t.attachNode };

/**
 * Says that the indicator measures an outcome of an initiative's effect logic: first the initiative (those of the
 * person's own department when their right reaches only that), then one of its outcomes not yet measured by it. The
 * API judges who may write the chain and which levels take an indicator.
 */
export function AttachForm({ indicatorId, onAttached }: { indicatorId: string; onAttached: (text: string) => void }) {
  const me = useMe();
  const ownOnly = me.data?.may['effect-logic:write']?.reach === 'own_department';
  const initiatives = useInitiativeChoices(ownOnly ? (me.data?.department?.id ?? null) : null, Boolean(me.data));
  const { form, problem, submitWith } = useApiForm<{ initiativeId: string | null; effectNodeId: string | null }>({
    defaultValues: { initiativeId: null, effectNodeId: null },
    fields: ['initiativeId', 'effectNodeId'],
  });
  const initiativeId = form.watch('initiativeId');
  // Another initiative: its outcomes are other nodes, so the one chosen before no longer applies.
  useEffect(() => form.resetField('effectNodeId'), [form, initiativeId]);
  const graph = useInitiativeEffectLogic(initiativeId ?? '', initiativeId !== null);
  const invalidate = useInvalidateEffectLogic(initiativeId ?? '');
  const initiative = initiatives.data?.items.find((item) => item.id === initiativeId);
  const outcomes = (graph.data?.nodes ?? []).filter(
    (node) =>
      node.owner.id === initiativeId &&
      MEASURABLE_LEVELS.has(node.level) &&
      !node.indicators.some((indicator) => indicator.id === indicatorId),
  );
  const onSubmit = submitWith(async ({ effectNodeId }) => {
    try {
      await unwrap(
        api.POST('/effect-nodes/{id}/indicators', { params: { path: { id: effectNodeId! } }, body: { indicatorId } }),
      );
    } catch (error) {
      // The API names the indicator in its refusal; here the choice is the outcome.
      if (!(error instanceof ApiProblemError)) throw error;
      const errors = error.problem.errors?.map((e) =>
        e.field === 'indicatorId' ? { ...e, field: 'effectNodeId' } : e,
      );
      throw new ApiProblemError({ ...error.problem, ...(errors ? { errors } : {}) });
    }
    const node = outcomes.find((outcome) => outcome.id === effectNodeId)?.title ?? '';
    await invalidate();
    form.reset({ initiativeId, effectNodeId: null });
    onAttached(t.attached(node, initiative?.code ?? ''));
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="koppla-effekt">
      <ErrorSummary problem={problem} labels={LABELS} />
      <p>{t.attachIntro}</p>
      <div className={styles.formGrid}>
        <SelectField
          control={form.control}
          name="initiativeId"
          label={t.attachInitiative}
          options={(initiatives.data?.items ?? []).map((item) => ({
            id: item.id,
            label: `${item.code} ${item.title}`,
          }))}
          // Nothing to choose from until the list is in: say so rather than open an empty list.
          isDisabled={!initiatives.isSuccess}
          {...(initiatives.isSuccess ? {} : { placeholder: resultsMessages.loading })}
          isRequired
          rules={REQUIRED}
        />
        {initiativeId !== null && graph.isSuccess && outcomes.length > 0 && (
          <SelectField
            control={form.control}
            name="effectNodeId"
            label={t.attachNode}
            options={outcomes.map((node) => ({
              id: node.id,
              label: `${resultsMessages.levelOne[node.level]}: ${node.title}`,
            }))}
            isRequired
            rules={REQUIRED}
          />
        )}
      </div>
      {initiative && graph.isSuccess && outcomes.length === 0 && (
        <p>
          {t.attachNoOutcomes}{' '}
          <Link to="/insatser/$code/effektlogik" params={{ code: initiative.code }}>
            {t.toEffectLogic(initiative.code)}
          </Link>
        </p>
      )}
      <FormActions>
        <FormButton type="submit" isDisabled={form.formState.isSubmitting}>
          {t.attachSubmit}
        </FormButton>
      </FormActions>
    </form>
  );
}
