import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { Page } from '../../../components/layout/page';
import { LoadError } from '../../../components/load-error';
import { ApiProblemError } from '../../../lib/api-client';
import { useReview, type Review } from '../api/review-queries';
import { reviewMessages } from '../messages';

const t = reviewMessages.review;

/**
 * The review every page of a meeting reads first (agenda, item, minutes, pack): while it loads, when it fails, and
 * when the address names no review, said the same way; then the page itself with the review.
 */
export function ReviewFrame({ reviewId, children }: { reviewId: string; children: (review: Review) => ReactNode }) {
  const review = useReview(reviewId);
  if (review.isPending) {
    return (
      <Page title={reviewMessages.list.title}>
        <p role="status">{t.loading}</p>
      </Page>
    );
  }
  if (review.isError) {
    const status = review.error instanceof ApiProblemError ? review.error.problem.status : 0;
    // 400: the address holds no review id at all; 404: no review has it.
    const missing = status === 404 || status === 400;
    return (
      <Page title={missing ? t.notFound : reviewMessages.list.title}>
        {missing ? null : <LoadError error={review.error} message={t.error} onRetry={() => void review.refetch()} />}
        <p>
          <Link to="/genomgangar">{t.back}</Link>
        </p>
      </Page>
    );
  }
  return children(review.data);
}
