import { useRef, useState } from 'react';
import { Announcement } from '../../../components/announcement';
import { ErrorSummary } from '../../../components/forms/error-summary';
import { DateField, SelectField } from '../../../components/forms/fields';
import { FormActions, FormButton } from '../../../components/forms/form-button';
import { REQUIRED, useApiForm } from '../../../components/forms/use-api-form';
import { LoadError } from '../../../components/load-error';
import { useMe } from '../../../lib/auth/use-me';
import { formatDate } from '../../../lib/format';
import { useJobRun, useJobRuns, useRequestJobRun, type JobRun } from '../api/jobs';
import { formatInstant } from '../utils/format-instant';
import { countsInWords, jobLabel, RUNNABLE_JOBS, type JobName } from '../utils/job-runs';
import { administrationMessages } from '../messages';
import { AdminScreen } from './admin-screen';
import { AdminTable } from './admin-table';
import { Paging } from './paging';
import styles from './administration.module.css';

const t = administrationMessages.jobs;
const JOB_OPTIONS = RUNNABLE_JOBS.map((id) => ({ id, label: jobLabel(id) }));
const PAGE_SIZE = 10;

/** /admin/jobb: run a job now (as of a day, to preview it) and the history of runs. */
export function JobsPage() {
  return (
    <AdminScreen title={t.title} permission="jobs:run" mayNot={t.mayNot} wide>
      <Jobs />
    </AdminScreen>
  );
}

function Jobs() {
  const [runId, setRunId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const announcementRef = useRef<HTMLParagraphElement>(null);
  return (
    <>
      <p>{t.intro}</p>
      <RunForm
        onQueued={(run) => {
          setRunId(run.id);
          // Focus stays on "Kör nu"; the status region reads the sentence out.
          setAnnouncement(t.queued(jobLabel(run.jobName), formatDate(run.asOf)));
        }}
      />
      <Announcement text={announcement} ref={announcementRef} />
      {runId ? <RunResult id={runId} /> : null}
      <History />
    </>
  );
}

function RunForm({ onQueued }: { onQueued: (run: JobRun) => void }) {
  const request = useRequestJobRun();
  const { form, problem, submitWith } = useApiForm<{ name: JobName | null; asOf: string | null }>({
    defaultValues: { name: 'scan-portfolio', asOf: null },
    fields: ['name', 'asOf'],
  });
  const send = submitWith(async ({ name, asOf }) => {
    if (request.isPending || !name) return;
    onQueued(await request.mutateAsync({ name, asOf }));
  });
  return (
    <section aria-labelledby="kor-jobb" className={`${styles.section} ${styles.panel}`}>
      <h2 id="kor-jobb">{t.runHeading}</h2>
      <form onSubmit={send} noValidate>
        <ErrorSummary problem={problem} labels={{ name: t.job, asOf: t.asOf }} />
        <SelectField
          control={form.control}
          name="name"
          label={t.job}
          isRequired
          rules={REQUIRED}
          options={JOB_OPTIONS}
        />
        <DateField control={form.control} name="asOf" label={t.asOf} description={t.asOfHelp} />
        <FormActions>
          <FormButton type="submit">{request.isPending ? t.running : t.run}</FormButton>
        </FormActions>
      </form>
    </section>
  );
}

/** The run just asked for, followed until the worker has done it; its status is read out as it changes. */
function RunResult({ id }: { id: string }) {
  const run = useJobRun(id);
  return (
    <section aria-labelledby="jobbresultat" className={styles.section}>
      <h2 id="jobbresultat">{t.resultHeading}</h2>
      <div role="status">
        {run.isPending ? (
          <p>{administrationMessages.loading}</p>
        ) : run.isError ? (
          <LoadError error={run.error} onRetry={() => void run.refetch()} />
        ) : (
          <RunFacts run={run.data} />
        )}
      </div>
    </section>
  );
}

function RunFacts({ run }: { run: JobRun }) {
  const counts = countsInWords(run.counts);
  return (
    <>
      <p>{t.runSummary(jobLabel(run.jobName), formatDate(run.asOf), t.status[run.status])}</p>
      {counts.length > 0 ? <p>{counts.join(', ')}</p> : null}
      {run.error ? <p className={styles.error}>{t.failedBecause(run.error)}</p> : null}
    </>
  );
}

function History() {
  const [offset, setOffset] = useState(0);
  const runs = useJobRuns({ offset, limit: PAGE_SIZE });
  const heading = useRef<HTMLHeadingElement>(null);
  const go = (next: number) => {
    setOffset(next);
    heading.current?.focus();
  };
  return (
    <section aria-labelledby="korningar" className={styles.section}>
      <h2 id="korningar" ref={heading} tabIndex={-1}>
        {t.historyHeading}
      </h2>
      {runs.isPending ? (
        <p role="status">{administrationMessages.loading}</p>
      ) : runs.isError ? (
        <LoadError error={runs.error} message={t.error} onRetry={() => void runs.refetch()} />
      ) : runs.data.items.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <>
          <RunTable runs={runs.data.items} />
          <Paging
            label={t.pagination}
            offset={offset}
            limit={PAGE_SIZE}
            total={runs.data.total}
            shown={runs.data.items.length}
            onGo={go}
          />
        </>
      )}
    </section>
  );
}

function RunTable({ runs }: { runs: readonly JobRun[] }) {
  const c = t.column;
  const { data: me } = useMe();
  // Who asked: the scheduler, the person reading, or another by their id at the sign-in.
  const requester = (run: JobRun) =>
    run.requestedBy === null ? t.scheduler : run.requestedBy === me?.subject ? t.you : run.requestedBy;
  return (
    <AdminTable
      caption={t.caption}
      columns={[c.job, c.asOf, c.status, c.queued, c.started, c.finished, c.counts, c.by]}
    >
      {runs.map((run) => (
        <tr key={run.id}>
          <th scope="row">{jobLabel(run.jobName)}</th>
          <td>{formatDate(run.asOf)}</td>
          <td>
            {t.status[run.status]}
            {run.attempts > 1 ? ` (${t.attempts(run.attempts)})` : null}
          </td>
          <td>{formatInstant(run.queuedAt)}</td>
          <td>{run.startedAt ? formatInstant(run.startedAt) : t.notYet}</td>
          <td>{run.finishedAt ? formatInstant(run.finishedAt) : t.notYet}</td>
          <td>
            {run.counts || run.error ? (
              <ul className={styles.plain}>
                {countsInWords(run.counts).map((words) => (
                  <li key={words}>{words}</li>
                ))}
                {run.error ? <li>{t.failedBecause(run.error)}</li> : null}
              </ul>
            ) : (
              t.notYet
            )}
          </td>
          <td>{requester(run)}</td>
        </tr>
      ))}
    </AdminTable>
  );
}
