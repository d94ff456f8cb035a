import type { UseQueryResult } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { FormButton } from '../../../components/forms/form-button';
import { Page } from '../../../components/layout/page';
import { ApiProblemError } from '../../../lib/api-client';
import { summaryFor } from '../../../lib/problem';
import type { Versioned } from '../api/initiative-editing';
import type { Initiative } from '../utils/initiative-form';
import { initiativeEditingMessages } from '../messages';

const t = initiativeEditingMessages;

/** The departments that own an initiative (lead and co-owners), for useMay('initiatives:write', …). */
export function ownersOf(initiative: Initiative) {
  return {
    departmentIds: [
      initiative.leadDepartmentId,
      ...(initiative.participants ?? []).filter((p) => p.role === 'co_owner').map((p) => p.departmentId),
    ],
  };
}

/** The initiative's read: "Hämtar …", an unknown code's 404 with the way back, a failure with a retry, else the page. */
export function LoadState({
  code,
  query,
  title,
  children,
}: {
  code: string;
  query: UseQueryResult<Versioned>;
  title: string;
  children: (data: Versioned) => ReactNode;
}) {
  if (query.isPending) {
    return (
      <Page title={title}>
        <p role="status">{t.loading}</p>
      </Page>
    );
  }
  if (query.isError) {
    const status = query.error instanceof ApiProblemError ? query.error.problem.status : 0;
    const unknown = status === 404 || status === 400;
    return (
      <Page title={title}>
        <div role="alert">
          <p>{unknown ? t.notFound(code) : `${t.loadFailed} ${summaryFor(status)}`}</p>
          {!unknown && <FormButton onPress={() => void query.refetch()}>{t.retry}</FormButton>}
        </div>
        <p>
          <Link to="/insatser">{t.toList}</Link>
        </p>
      </Page>
    );
  }
  return <>{children(query.data)}</>;
}
