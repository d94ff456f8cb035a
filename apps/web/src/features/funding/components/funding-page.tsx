import { Link, useParams } from '@tanstack/react-router';
import { FormButton } from '../../../components/forms/form-button';
import { Page } from '../../../components/layout/page';
import { ApiProblemError } from '../../../lib/api-client';
import { summaryFor } from '../../../lib/problem';
import { useFundingInitiative } from '../api/funding-queries';
import { fundingMessages } from '../messages';
import { FundingLinesEditor } from './funding-lines-editor';

const t = fundingMessages;

/** Finansiering (/insatser/SSPF/finansiering): the initiative by its code, then its funding lines to work on. */
export function FundingPage({ code }: { code: string }) {
  const initiative = useFundingInitiative(code);
  if (initiative.isPending) {
    return (
      <Page title={t.title}>
        <p role="status">{t.loading}</p>
      </Page>
    );
  }
  if (initiative.isError) {
    const status = initiative.error instanceof ApiProblemError ? initiative.error.problem.status : 0;
    if (status === 404 || status === 400) {
      return (
        <Page title={t.notFound.title}>
          <p>{t.notFound.body(code)}</p>
          <p>
            <Link to="/insatser">{t.notFound.back}</Link>
          </p>
        </Page>
      );
    }
    return (
      <Page title={t.title}>
        <div role="alert">
          <p>{summaryFor(status)}</p>
          <FormButton variant="secondary" onPress={() => void initiative.refetch()}>
            {t.retry}
          </FormButton>
        </div>
      </Page>
    );
  }
  return (
    <Page title={t.pageTitle(initiative.data.title)}>
      <p>
        <Link to="/insatser/$code" params={{ code: initiative.data.code }}>
          {t.backToInitiative(initiative.data.code)}
        </Link>
      </p>
      <FundingLinesEditor initiativeId={initiative.data.id} />
    </Page>
  );
}

/** The route's component: the code from the address. */
export function FundingRoutePage() {
  const { code = '' } = useParams({ strict: false });
  return <FundingPage key={code} code={code} />;
}
