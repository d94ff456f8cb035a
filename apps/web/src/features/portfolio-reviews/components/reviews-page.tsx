import { Link, useNavigate } from '@tanstack/react-router';
import { ErrorSummary } from '../../../components/forms/error-summary';
import { DateField, TextAreaField, TextField } from '../../../components/forms/fields';
import { FormActions, FormButton } from '../../../components/forms/form-button';
import { REQUIRED, useApiForm } from '../../../components/forms/use-api-form';
import { useUnsavedChangesWarning } from '../../../components/forms/use-unsaved-changes-warning';
import { Page } from '../../../components/layout/page';
import { LoadError } from '../../../components/load-error';
import { useMay } from '../../../lib/auth/use-may';
import { currentMonth, formatDate, formatMonth } from '../../../lib/format';
import { useCreateReview, useReviews } from '../api/review-queries';
import { reviewMessages } from '../messages';
import { isHeld, today } from '../utils/agenda';
import styles from './reviews.module.css';

const t = reviewMessages.list;

/** Portföljgenomgång: the reviews, held and planned, and a new one where /me allows. */
export function ReviewsPage() {
  const reviews = useReviews();
  const mayWrite = useMay('portfolio-reviews:write');
  return (
    <Page title={t.title} wide>
      <p>{t.intro}</p>
      {!mayWrite.allowed && !mayWrite.pending ? <p className={styles.notice}>{t.readOnly}</p> : null}
      {reviews.isPending ? (
        <p role="status">{t.loading}</p>
      ) : reviews.isError ? (
        <LoadError error={reviews.error} message={t.error} onRetry={() => void reviews.refetch()} />
      ) : reviews.data.items.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <div className={styles.tableScroll}>
          <table className={styles.table}>
            <caption>{t.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.meeting}</th>
                <th scope="col">{t.date}</th>
                <th scope="col">{t.state}</th>
                <th scope="col">{t.decisions}</th>
              </tr>
            </thead>
            <tbody>
              {reviews.data.items.map((review) => (
                <tr key={review.id}>
                  <th scope="row">
                    <Link to="/genomgangar/$reviewId" params={{ reviewId: review.id }}>
                      {review.title}
                    </Link>
                  </th>
                  <td>{formatDate(review.meetingDate)}</td>
                  <td>{isHeld(review.meetingDate) ? t.held : t.planned}</td>
                  <td>{t.decisionCount(review.decisionCount, review.movedCount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {mayWrite.allowed ? <NewReviewForm /> : null}
    </Page>
  );
}

type NewReviewValues = { title: string; meetingDate: string; notes: string };

const c = reviewMessages.create;
const LABELS = { title: c.title, meetingDate: c.meetingDate, notes: c.notes };

function NewReviewForm() {
  const create = useCreateReview();
  const navigate = useNavigate();
  const { form, problem, submitWith } = useApiForm<NewReviewValues>({
    defaultValues: { title: c.suggestedTitle(formatMonth(currentMonth())), meetingDate: today(), notes: '' },
    fields: Object.keys(LABELS),
  });
  useUnsavedChangesWarning(form.formState.isDirty);
  const submit = submitWith(async ({ notes, ...values }) => {
    const review = await create.mutateAsync({ ...values, notes: notes.trim() || null });
    // Saved: nothing typed is lost by leaving.
    await navigate({ to: '/genomgangar/$reviewId', params: { reviewId: review.id }, ignoreBlocker: true });
  });
  return (
    <section aria-labelledby="ny-genomgang" className={styles.section}>
      <h2 id="ny-genomgang">{c.heading}</h2>
      <form
        className={styles.form}
        onSubmit={(event) => (form.formState.isSubmitting ? event.preventDefault() : void submit(event))}
        noValidate
        aria-labelledby="ny-genomgang"
      >
        <ErrorSummary problem={problem} labels={LABELS} />
        <TextField
          control={form.control}
          name="title"
          label={c.title}
          description={c.titleHelp}
          isRequired
          rules={REQUIRED}
        />
        <DateField
          control={form.control}
          name="meetingDate"
          label={c.meetingDate}
          description={c.meetingDateHelp}
          isRequired
          rules={REQUIRED}
        />
        <TextAreaField control={form.control} name="notes" label={c.notes} description={c.notesHelp} rows={3} />
        <FormActions>
          <FormButton type="submit">{form.formState.isSubmitting ? c.saving : c.save}</FormButton>
        </FormActions>
      </form>
    </section>
  );
}
