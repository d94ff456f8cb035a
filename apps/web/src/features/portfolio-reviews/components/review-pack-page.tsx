import { getRouteApi, Link } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import buttons from '../../../components/buttons.module.css';
import { Page } from '../../../components/layout/page';
import { LoadError } from '../../../components/load-error';
import { useReviewPack, type Review } from '../api/review-queries';
import { reviewMessages } from '../messages';
import { packParts } from '../utils/review-pack';
import { ReviewFrame } from './review-frame';
import styles from './reviews.module.css';

const t = reviewMessages.pack;
const route = getRouteApi('/genomgangar/$reviewId/underlag');

/** The review pack the API writes, shown in the app (with the person's token) and printed from here. */
export function ReviewPackPage() {
  const { reviewId } = route.useParams();
  return <ReviewFrame reviewId={reviewId}>{(review) => <Pack review={review} />}</ReviewFrame>;
}

function Pack({ review }: { review: Review }) {
  const pack = useReviewPack(review.id);
  return (
    <Page title={t.title(review.title)} wide>
      <div className={styles.noPrint}>
        <p>
          <Link to="/genomgangar/$reviewId" params={{ reviewId: review.id }}>
            {reviewMessages.item.backToAgenda}
          </Link>
        </p>
        {pack.isSuccess ? (
          <p className={styles.actions}>
            <button type="button" className={buttons.outlined} onClick={() => window.print()}>
              {t.print}
            </button>
          </p>
        ) : null}
      </div>
      {pack.isPending ? (
        <p role="status">{t.loading}</p>
      ) : pack.isError ? (
        <LoadError error={pack.error} message={t.error} onRetry={() => void pack.refetch()} />
      ) : (
        <PackView html={pack.data} />
      )}
    </Page>
  );
}

/**
 * The pack's page inside a shadow root: its own styles (print styles included) apply to it and to nothing else. The
 * app's Content-Security-Policy allows no inline <style>, so its stylesheet is adopted through the CSSOM instead.
 */
function PackView({ html }: { html: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    const { css, body } = packParts(html);
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
    root.replaceChildren(...body);
  }, [html]);
  return <div ref={host} role="region" aria-label={t.region} className={styles.pack} />;
}
