import { LoadError } from '../../../components/load-error';
import { Page } from '../../../components/layout/page';
import { messages } from '../../../lib/messages';
import { usePortfolioSummary } from '../api/use-overview';
import { FundingCliffSection } from './funding-cliff-section';
import { SummaryCards } from './summary-cards';
import styles from './overview.module.css';
import { overviewMessages } from '../messages';

/** Portföljen i korthet: what runs, on what money, ending when, each figure a way into the list it counts. */
export function OverviewPage() {
  const summary = usePortfolioSummary();
  return (
    <Page title={messages.nav.overview} wide>
      <p className={styles.intro}>{overviewMessages.intro}</p>
      <section aria-labelledby="portfoljen-siffror" className={styles.section}>
        <h2 id="portfoljen-siffror">{overviewMessages.cardsHeading}</h2>
        {summary.isPending ? (
          <p role="status">{overviewMessages.loading}</p>
        ) : summary.isError ? (
          <LoadError error={summary.error} message={overviewMessages.error} onRetry={() => void summary.refetch()} />
        ) : (
          <SummaryCards summary={summary.data} />
        )}
      </section>
      <FundingCliffSection nextBudgetYear={summary.data?.fundingCliff} />
    </Page>
  );
}
