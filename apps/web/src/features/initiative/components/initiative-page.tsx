import { Link, useParams } from '@tanstack/react-router';
import type { MouseEvent } from 'react';
import { LoadError } from '../../../components/load-error';
import { Page } from '../../../components/layout/page';
import { ApiProblemError } from '../../../lib/api-client';
import type { components } from '../../../lib/api-schema';
import { useMay } from '../../../lib/auth/use-may';
import { messages } from '../../../lib/messages';
import { useInitiative } from '../api/initiative-queries';
import { FundingSection } from './funding-section';
import {
  AlertsSection,
  DecisionsSection,
  EffectLogicSection,
  IndicatorsSection,
  StatusReportSection,
} from './follow-up-sections';
import { HistorySection } from './history-section';
import { LifecycleSection } from './lifecycle-section';
import { GoalsSection, ParticipantsSection, SummarySection } from './overview-sections';
import { sectionHeadingId, sectionId, type SectionKey } from './section';
import styles from './initiative.module.css';
import { initiativeMessages } from '../messages';

const SECTIONS = Object.keys(initiativeMessages.sections) as SectionKey[];

/**
 * The page's table of contents. A link moves focus to its section's heading as well as scrolling there, so a keyboard
 * or screen reader user goes on reading from the section, and no `#…` reaches the router as a navigation.
 */
function TableOfContents() {
  const jump = (key: SectionKey) => (event: MouseEvent<HTMLAnchorElement>) => {
    const heading = document.getElementById(sectionHeadingId(key));
    if (!heading) return;
    event.preventDefault();
    heading.focus();
    heading.scrollIntoView?.();
  };
  return (
    <nav aria-label={initiativeMessages.toc} className={styles.toc}>
      <h2 className={styles.tocHeading}>{initiativeMessages.toc}</h2>
      <ol>
        {SECTIONS.map((key) => (
          <li key={key}>
            <a href={`#${sectionId(key)}`} onClick={jump(key)}>
              {initiativeMessages.sections[key]}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** An unknown code (or a string that is no code at all): a Swedish 404 with the way back to the list. */
function InitiativeNotFound({ code }: { code: string }) {
  const text = initiativeMessages.notFound;
  return (
    <Page title={text.title}>
      <p>{text.body(code)}</p>
      <p>
        <Link to="/insatser">{text.back}</Link>
      </p>
    </Page>
  );
}

const ENDED: readonly string[] = ['completed', 'integrated', 'discontinued'];

/**
 * "Ändra uppgifter" (and, for a draft, "Fortsätt i guiden") where /me says the person may write the initiative: their
 * department leads or co-owns it. An ended initiative is a public record and is not changed.
 */
function EditActions({ initiative }: { initiative: components['schemas']['InitiativeDto'] }) {
  const owners = [
    initiative.leadDepartmentId,
    ...(initiative.participants ?? []).filter((p) => p.role === 'co_owner').map((p) => p.departmentId),
  ];
  const may = useMay('initiatives:write', { departmentIds: owners });
  if (!may.allowed || ENDED.includes(initiative.status)) return null;
  const text = initiativeMessages.actions;
  return (
    <nav aria-label={text.label} className={styles.actions}>
      {initiative.status === 'draft' && (
        <Link to="/insatser/$code/guide" params={{ code: initiative.code }} className={styles.actionLink}>
          {text.resumeGuide}
        </Link>
      )}
      <Link to="/insatser/$code/andra" params={{ code: initiative.code }} className={styles.actionLink}>
        {text.edit}
      </Link>
    </nav>
  );
}

/** Insatsen: one initiative, read only, by its code (`/insatser/SSPF`). */
export function InitiativePage({ code }: { code: string }) {
  const initiative = useInitiative(code);
  if (initiative.isPending) {
    return (
      <Page title={initiativeMessages.pageTitle}>
        <p role="status">{initiativeMessages.loading}</p>
      </Page>
    );
  }
  if (initiative.isError) {
    const status = initiative.error instanceof ApiProblemError ? initiative.error.problem.status : 0;
    if (status === 404 || status === 400) return <InitiativeNotFound code={code} />;
    return (
      <Page title={initiativeMessages.pageTitle}>
        <p>{initiativeMessages.error}</p>
        <LoadError error={initiative.error} onRetry={() => void initiative.refetch()} />
      </Page>
    );
  }
  const data = initiative.data;
  return (
    <Page title={data.title} wide>
      <p className={styles.lead}>
        {[data.code, messages.initiativeStatus[data.status], data.leadDepartmentName].filter(Boolean).join(' · ')}
      </p>
      <EditActions initiative={data} />
      <TableOfContents />
      <SummarySection initiative={data} />
      <LifecycleSection initiativeId={data.id} code={data.code} status={data.status} />
      <ParticipantsSection initiative={data} />
      <GoalsSection initiative={data} />
      <FundingSection initiative={data} />
      <AlertsSection initiativeId={data.id} />
      <StatusReportSection initiativeId={data.id} />
      <EffectLogicSection initiativeId={data.id} code={data.code} />
      <IndicatorsSection initiative={data} />
      <DecisionsSection initiativeId={data.id} />
      <HistorySection initiativeId={data.id} />
    </Page>
  );
}

/** The route's component: the code from the address. */
export function InitiativeRoutePage() {
  const { code = '' } = useParams({ strict: false });
  return <InitiativePage key={code} code={code} />;
}
