import { Link } from '@tanstack/react-router';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { FormButton } from '../../../components/forms/form-button';
import formStyles from '../../../components/forms/forms.module.css';
import { Page } from '../../../components/layout/page';
import { ApiProblemError } from '../../../lib/api-client';
import { useMay } from '../../../lib/auth/use-may';
import { formatNumber } from '../../../lib/format';
import { summaryFor } from '../../../lib/problem';
import { useInitiativeImport } from '../api/use-initiative-import';
import { initiativeImportMessages } from '../messages';
import {
  missingFields,
  problemsFromErrors,
  rowsWithProblems,
  translateProblem,
  type ImportField,
  type ImportPreview,
  type ImportProblem,
} from '../utils/import-problems';
import { ACCEPTED_FILES } from '../utils/import-request';
import { ColumnTable, ProblemTable } from './import-tables';
import { MissingColumns } from './missing-columns';
import styles from './initiative-import-page.module.css';

const t = initiativeImportMessages;

/**
 * Why nothing was imported or previewed: some rows (422), the file as a whole (400, with the required fields no column
 * fills), or the request (403, 415 …).
 */
type Refusal = { problems: ImportProblem[]; messages: string[]; missing: ImportField[] };

/** /admin/import: choose a file, preview it (a dry run), map unknown columns, then import every row or none. */
export function InitiativeImportPage() {
  const may = useMay('initiatives:import');
  if (may.pending) return <Page title={t.title} />;
  if (!may.allowed)
    return (
      <Page title={t.title}>
        <p>{t.mayNot}</p>
      </Page>
    );
  return <InitiativeImport />;
}

function InitiativeImport() {
  const fileId = useId();
  const descriptionId = useId();
  const missingId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [missingFile, setMissingFile] = useState(false);
  const [mapping, setMapping] = useState<Record<string, ImportField | null>>({});
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [imported, setImported] = useState<ImportPreview | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const importing = useInitiativeImport();
  const refusalRef = useRef<HTMLDivElement>(null);
  const doneRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (refusal) refusalRef.current?.focus();
  }, [refusal]);
  useEffect(() => {
    if (imported) doneRef.current?.focus();
  }, [imported]);

  const run = (dryRun: boolean, chosen = mapping) => {
    if (!file) {
      setMissingFile(true);
      return;
    }
    setMapping(chosen);
    setRefusal(null);
    importing.mutate(
      { file, mapping: chosen, dryRun },
      {
        onSuccess: (result) => (result.dryRun ? setPreview(result) : setImported(result)),
        onError: (error) => setRefusal(refusalOf(error, preview)),
      },
    );
  };

  const choose = (chosen: File | null) => {
    setFile(chosen);
    setMissingFile(false);
    setMapping({});
    setPreview(null);
    setImported(null);
    setRefusal(null);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    run(true);
  };

  const problemRows = preview ? rowsWithProblems(preview.problems) : 0;
  const announcement = imported
    ? t.done.summary(imported.initiatives, imported.fundingLines)
    : preview && !importing.isPending
      ? problemRows > 0
        ? t.preview.problemRows(problemRows)
        : t.preview.clean(preview.rows)
      : '';

  return (
    <Page title={t.title}>
      <p>{t.intro}</p>
      <form onSubmit={submit} noValidate>
        <div className={formStyles.field}>
          <label htmlFor={fileId} className={formStyles.label}>
            {t.file.label}
          </label>
          <p id={descriptionId} className={formStyles.description}>
            {t.file.description}
          </p>
          {missingFile && (
            <p id={missingId} className={formStyles.fieldError}>
              {t.file.missing}
            </p>
          )}
          <input
            id={fileId}
            type="file"
            accept={ACCEPTED_FILES}
            className={styles.file}
            aria-describedby={missingFile ? `${missingId} ${descriptionId}` : descriptionId}
            aria-invalid={missingFile || undefined}
            onChange={(event) => choose(event.target.files?.[0] ?? null)}
          />
        </div>
        <FormButton type="submit" isDisabled={importing.isPending}>
          {importing.isPending && importing.variables?.dryRun ? t.file.previewing : t.file.preview}
        </FormButton>
      </form>

      {/* Read out when a preview or an import answers; the same words show in the preview and the result. */}
      <p role="status" className="visually-hidden">
        {announcement}
      </p>

      {refusal && (
        <div ref={refusalRef} tabIndex={-1} role="alert" className={formStyles.errorSummary}>
          {refusal.messages.map((message, index) => (
            <p key={index} className={styles.refusalMessage}>
              {message}
            </p>
          ))}
          {refusal.problems.length > 0 && <ProblemTable problems={refusal.problems} />}
        </div>
      )}
      {refusal && refusal.missing.length > 0 && (
        <MissingColumns
          missing={refusal.missing}
          isPending={importing.isPending}
          onMap={(typed) => run(true, { ...mapping, ...typed })}
        />
      )}

      {imported ? (
        <section aria-labelledby="import-klar" className={styles.section}>
          <h2 id="import-klar" ref={doneRef} tabIndex={-1}>
            {t.done.heading}
          </h2>
          <p>{t.done.summary(imported.initiatives, imported.fundingLines)}</p>
          <p>
            <Link to="/insatser" search={{ status: ['draft'] }}>
              {t.done.showDrafts}
            </Link>
          </p>
        </section>
      ) : (
        preview && (
          <>
            <section aria-labelledby="import-kolumner" className={styles.section}>
              <h2 id="import-kolumner">{t.columns.heading}</h2>
              <p>{t.columns.intro}</p>
              <ColumnTable
                columns={preview.columns}
                mapping={mapping}
                onMap={(header, field) => setMapping((current) => ({ ...current, [header]: field }))}
              />
              <FormButton variant="secondary" onPress={() => run(true)} isDisabled={importing.isPending}>
                {t.columns.previewAgain}
              </FormButton>
            </section>
            <section aria-labelledby="import-forhandsgranskning" className={styles.section}>
              <h2 id="import-forhandsgranskning">{t.preview.heading}</h2>
              <dl className={styles.counts}>
                <dt>{t.preview.rows}</dt>
                <dd>{formatNumber(preview.rows)}</dd>
                <dt>{t.preview.initiatives}</dt>
                <dd>{formatNumber(preview.initiatives)}</dd>
                <dt>{t.preview.fundingLines}</dt>
                <dd>{formatNumber(preview.fundingLines)}</dd>
              </dl>
              {preview.problems.length > 0 ? (
                <>
                  <p className={styles.problemSummary}>{t.preview.problemRows(problemRows)}</p>
                  <ProblemTable problems={preview.problems} />
                </>
              ) : (
                // After a refusal the preview is out of date: preview again before importing.
                preview.initiatives > 0 &&
                !refusal && (
                  <>
                    <p>{t.preview.clean(preview.rows)}</p>
                    <FormButton onPress={() => run(false)} isDisabled={importing.isPending}>
                      {importing.isPending && !importing.variables?.dryRun
                        ? t.preview.importing
                        : t.preview.import(preview.initiatives)}
                    </FormButton>
                  </>
                )
              )}
            </section>
          </>
        )
      )}
    </Page>
  );
}

/** A refused request as what the page shows: a 422's rows as problems, a 400's file problems in Swedish, else a sentence. */
function refusalOf(error: unknown, preview: ImportPreview | null): Refusal {
  if (!(error instanceof ApiProblemError)) return { problems: [], messages: [summaryFor(500)], missing: [] };
  const { status, errors = [] } = error.problem;
  const problems = problemsFromErrors(errors, preview?.columns ?? []);
  if (status === 422) return { problems, messages: [t.refused.rows], missing: [] };
  if (status === 400 && errors.length > 0) {
    const whole = errors.filter((error) => !error.field.startsWith('rows['));
    return {
      problems,
      messages: [t.refused.file, ...whole.map((error) => translateProblem(error.message))],
      missing: missingFields(whole),
    };
  }
  return { problems: [], messages: [t.refused.byStatus[status] ?? summaryFor(status)], missing: [] };
}
