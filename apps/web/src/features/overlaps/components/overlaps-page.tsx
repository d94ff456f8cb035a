import { getRouteApi, Link } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import { Announcement } from '../../../components/announcement';
import { StatusBadge } from '../../../components/badges';
import factStyles from '../../../components/facts.module.css';
import { FilterPanel } from '../../../components/filter-panel';
import formStyles from '../../../components/forms/forms.module.css';
import { Page } from '../../../components/layout/page';
import { LoadError } from '../../../components/load-error';
import { useMay } from '../../../lib/auth/use-may';
import { formatDay, formatNumber, formatPercent } from '../../../lib/format';
import { messages } from '../../../lib/messages';
// The day in Stockholm of an instant, as Rapporter shows when a report was decided.
import { useOverlaps, type OverlapPair } from '../api/use-overlaps';
import { isPair, MIN_SCORE_CHOICES, scoreLevel, type OverlapListSearch } from '../utils/overlap-search';
import { overlapsMessages } from '../messages';
import styles from './overlaps.module.css';
import { VerdictDialog } from './verdict-dialog';

const t = overlapsMessages;
const route = getRouteApi('/overlapp');
const ANY = 'alla';

/**
 * Överlapp: the pairs that may be the same work twice, side by side with why; the leadership group's verdict. Or one
 * pair, opened from a review's agenda (`par`), with the way back to the review (`genomgang`).
 */
export function OverlapsPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const overlaps = useOverlaps(search);
  const mayReview = useMay('overlaps:review');
  const [announcement, setAnnouncement] = useState('');
  const listHeading = useRef<HTMLHeadingElement>(null);
  const announcementRef = useRef<HTMLParagraphElement>(null);
  const { par } = search;

  // Focus moves once the dialog (which hands focus back to its trigger as it closes) is gone: in the list, the
  // reviewed pair may leave with its button, so to the list's heading; one pair from a review stays with its verdict,
  // so to the sentence saying what was recorded, with the way back to the review right after it.
  const recorded = (pair: OverlapPair, verdict: keyof typeof t.verdictLabel) => {
    setAnnouncement(t.recorded(pair.initiative.code, pair.otherInitiative.code, t.verdictLabel[verdict]));
    const target = () => (par ? announcementRef.current : listHeading.current);
    const focusAfterDialog = (frames: number) =>
      requestAnimationFrame(() =>
        frames > 0 && document.querySelector('[role="dialog"]') ? focusAfterDialog(frames - 1) : target()?.focus(),
      );
    focusAfterDialog(60);
  };
  const items = overlaps.data ? overlaps.data.items.filter((pair) => !par || isPair(pair, par)) : [];

  return (
    <Page title={messages.nav.overlaps} wide>
      <p>{t.intro}</p>
      {!mayReview.allowed && !mayReview.pending ? <p className={styles.notice}>{t.mayNot}</p> : null}
      {par ? null : <Filters search={search} onChange={(next) => void navigate({ search: next, replace: true })} />}
      <Announcement text={announcement} ref={announcementRef} />
      {par ? <OnePairLinks reviewId={search.genomgang} /> : null}
      {overlaps.isPending ? (
        <p role="status">{t.loading}</p>
      ) : overlaps.isError ? (
        <LoadError error={overlaps.error} message={t.error} onRetry={() => void overlaps.refetch()} />
      ) : (
        <section aria-labelledby="overlapp-lista">
          <h2 id="overlapp-lista" ref={listHeading} tabIndex={-1}>
            {par ? t.onePair.heading : t.listHeading}
          </h2>
          {par ? null : <p>{t.count(overlaps.data.items.length, overlaps.data.total)}</p>}
          {items.length === 0 ? (
            <p>{par ? t.onePair.missing : t.empty}</p>
          ) : (
            <ul className={styles.list}>
              {items.map((pair) => (
                <li key={`${pair.initiative.id}:${pair.otherInitiative.id}`}>
                  <PairItem
                    pair={pair}
                    mayReview={mayReview.allowed}
                    onRecorded={(verdict) => recorded(pair, verdict)}
                  />
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </Page>
  );
}

/** One pair's way on: back to the review it was opened from, or to every pair. */
function OnePairLinks({ reviewId }: { reviewId: string | undefined }) {
  return (
    <nav aria-label={t.onePair.links}>
      <ul className={styles.links}>
        {reviewId ? (
          <li>
            <Link to="/genomgangar/$reviewId" params={{ reviewId }}>
              {t.onePair.backToReview}
            </Link>
          </li>
        ) : null}
        <li>
          <Link to="/overlapp" search={{}}>
            {t.onePair.all}
          </Link>
        </li>
      </ul>
    </nav>
  );
}

function Filters({ search, onChange }: { search: OverlapListSearch; onChange: (next: OverlapListSearch) => void }) {
  return (
    <FilterPanel id="overlapp-filter" heading={t.filters.heading}>
      <ChoiceGroup
        label={t.filters.minScore}
        value={search.minScore === undefined ? ANY : String(search.minScore)}
        options={[
          { id: ANY, label: t.filters.anyScore },
          ...MIN_SCORE_CHOICES.map((score) => ({ id: String(score), label: t.filters.atLeast(formatNumber(score)) })),
        ]}
        onChange={(value) => onChange({ ...search, minScore: value === ANY ? undefined : Number(value) })}
      />
      <ChoiceGroup
        label={t.filters.include}
        value={search.include ?? ANY}
        options={[
          { id: ANY, label: t.filters.unreviewed },
          { id: 'reviewed', label: t.filters.reviewed },
        ]}
        onChange={(value) => onChange({ ...search, include: value === 'reviewed' ? 'reviewed' : undefined })}
      />
    </FilterPanel>
  );
}

function ChoiceGroup({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: { id: string; label: string }[];
  onChange: (value: string) => void;
}) {
  return (
    <RadioGroup className={formStyles.fieldset} value={value} onChange={onChange}>
      <Label className={formStyles.label}>{label}</Label>
      <div className={formStyles.choices}>
        {options.map((option) => (
          <Radio key={option.id} value={option.id} className={formStyles.radio}>
            <span className={formStyles.dot} aria-hidden="true" />
            {option.label}
          </Radio>
        ))}
      </div>
    </RadioGroup>
  );
}

function PairItem({
  pair,
  mayReview,
  onRecorded,
}: {
  pair: OverlapPair;
  mayReview: boolean;
  onRecorded: (verdict: keyof typeof t.verdictLabel) => void;
}) {
  const { initiative: one, otherInitiative: other, review } = pair;
  const headingId = `par-${one.id}-${other.id}`;
  const sides = [one, other];
  return (
    <article aria-labelledby={headingId} className={styles.pair}>
      <h3 id={headingId} className={styles.pairHeading}>
        {t.pairHeading(one.code, other.code)}
      </h3>
      <p className={styles.score}>
        <strong>{t.score}:</strong> {t.scoreValue(formatNumber(pair.score), t.scoreLevel[scoreLevel(pair.score)])}
      </p>
      <div className={styles.scroll}>
        <table className={styles.table}>
          <caption className="visually-hidden">{t.comparison(one.code, other.code)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.fact}</th>
              {sides.map((side) => (
                <th key={side.id} scope="col">
                  {side.code}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t.title}</th>
              {sides.map((side) => (
                <td key={side.id}>
                  <Link to="/insatser/$code" params={{ code: side.code }}>
                    {side.title}
                  </Link>
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t.status}</th>
              {sides.map((side) => (
                <td key={side.id}>
                  <StatusBadge status={side.status} />
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t.leadDepartment}</th>
              {sides.map((side) => (
                <td key={side.id}>{side.leadDepartment?.name ?? t.none}</td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      <h4 className={styles.subheading}>{t.reasonsHeading}</h4>
      <ul className={styles.reasons}>
        {pair.reasons.map((reason) => (
          <li key={reason.kind}>
            <strong>{reason.label}</strong>
            {reason.share !== undefined ? ` (${t.share(formatPercent(reason.share))})` : null}
            {reason.similarity !== undefined ? ` (${t.similarity(formatPercent(reason.similarity))})` : null}
            {reason.names?.length ? `: ${reason.names.join(', ')}` : null}
          </li>
        ))}
      </ul>
      {review ? (
        <>
          <h4 className={styles.subheading}>{t.verdictHeading}</h4>
          <dl className={factStyles.facts}>
            <div>
              <dt>{t.verdictHeading}</dt>
              <dd>{t.verdictLabel[review.verdict]}</dd>
            </div>
            <div>
              <dt>{t.dialog.note}</dt>
              <dd>{review.note ?? t.noNote}</dd>
            </div>
            <div>
              <dt>{t.reviewedOn}</dt>
              <dd>{formatDay(review.reviewedAt)}</dd>
            </div>
          </dl>
          {review.stale ? <p className={styles.notice}>{t.stale}</p> : null}
        </>
      ) : null}
      {mayReview ? (
        <div className={styles.actions}>
          <VerdictDialog pair={pair} onRecorded={onRecorded} />
        </div>
      ) : null}
    </article>
  );
}
