import { ErrorSummary } from '../../../components/forms/error-summary';
import { DateField, RadioGroupField, TextAreaField } from '../../../components/forms/fields';
import { FormActions, FormButton } from '../../../components/forms/form-button';
import { REQUIRED, useApiForm } from '../../../components/forms/use-api-form';
import { useUnsavedChangesWarning } from '../../../components/forms/use-unsaved-changes-warning';
import { useDecide } from '../api/review-queries';
import { reviewMessages } from '../messages';
import { decisionBody, DECISIONS, withRefusedMove, type Decision, type DecisionValues } from '../utils/agenda';
import styles from './reviews.module.css';

const t = reviewMessages.decide;
const LABELS = {
  decision: t.decision,
  rationale: t.rationale,
  followUpDate: t.followUpDate,
  initiativeId: reviewMessages.review.initiative,
};
const OPTIONS = DECISIONS.map((id) => ({ id, label: reviewMessages.decisionLabel[id] }));

/**
 * The leadership group's decision on one agenda item. The API judges it: `stop` and `integrate` move the initiative
 * through the lifecycle, and a refusal (its unmet guards, a move the status does not allow) is said in the summary.
 */
export function DecisionForm({
  reviewId,
  initiativeId,
  headingId,
  onDecided,
}: {
  reviewId: string;
  initiativeId: string;
  headingId: string;
  onDecided: (decision: Decision) => void;
}) {
  const decide = useDecide(reviewId);
  const { form, problem, submitWith } = useApiForm<DecisionValues>({
    defaultValues: { decision: null, rationale: '', followUpDate: '' },
    fields: ['decision', 'rationale', 'followUpDate'],
  });
  useUnsavedChangesWarning(form.formState.isDirty && !form.formState.isSubmitSuccessful);
  const submit = submitWith(async (values) => {
    const decided = await decide.mutateAsync(decisionBody(initiativeId, values));
    onDecided(decided.decision);
  });
  return (
    <form
      className={styles.form}
      onSubmit={(event) => (form.formState.isSubmitting ? event.preventDefault() : void submit(event))}
      noValidate
      aria-labelledby={headingId}
    >
      <ErrorSummary problem={withRefusedMove(problem)} labels={LABELS} />
      <RadioGroupField
        control={form.control}
        name="decision"
        label={t.decision}
        description={t.decisionHelp}
        isRequired
        rules={REQUIRED}
        options={OPTIONS}
      />
      <TextAreaField
        control={form.control}
        name="rationale"
        label={t.rationale}
        description={t.rationaleHelp}
        isRequired
        rules={REQUIRED}
        rows={4}
      />
      <DateField control={form.control} name="followUpDate" label={t.followUpDate} description={t.followUpDateHelp} />
      <FormActions>
        <FormButton type="submit">{form.formState.isSubmitting ? t.saving : t.save}</FormButton>
      </FormActions>
    </form>
  );
}
