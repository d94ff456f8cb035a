import { initiativeImportMessages } from '../messages';
import { translateProblem, type ImportColumn, type ImportField, type ImportProblem } from '../utils/import-problems';
import styles from './initiative-import-page.module.css';

const t = initiativeImportMessages;
const FIELDS = Object.keys(t.fields) as ImportField[];

type ColumnTableProps = {
  columns: readonly ImportColumn[];
  mapping: Readonly<Record<string, ImportField | null>>;
  onMap: (header: string, field: ImportField | null) => void;
};

/**
 * The file's columns and the field each fills. A column Samla does not know (or one the person has mapped) gets a
 * select of the fields; Samla's own headers and the export's worked-out columns are only named.
 */
export function ColumnTable({ columns, mapping, onMap }: ColumnTableProps) {
  return (
    <table className={styles.table}>
      <caption className={styles.caption}>{t.columns.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.columns.header}</th>
          <th scope="col">{t.columns.field}</th>
        </tr>
      </thead>
      <tbody>
        {columns.map((column) => (
          <tr key={column.header}>
            <th scope="row">{column.header}</th>
            <td>
              {column.ignored === 'unknown' || column.header in mapping ? (
                <select
                  aria-label={t.columns.selectLabel(column.header)}
                  className={styles.select}
                  value={mapping[column.header] ?? ''}
                  onChange={(event) => onMap(column.header, (event.target.value || null) as ImportField | null)}
                >
                  <option value="">{t.columns.notRead}</option>
                  {FIELDS.map((field) => (
                    <option key={field} value={field}>
                      {t.fields[field]}
                    </option>
                  ))}
                </select>
              ) : column.field ? (
                t.fields[column.field]
              ) : (
                t.columns.derived
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Every problem of every row, in Swedish, in the file's order. */
export function ProblemTable({ problems }: { problems: readonly ImportProblem[] }) {
  return (
    <table className={styles.table}>
      <caption className={styles.caption}>{t.preview.problemsCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.preview.row}</th>
          <th scope="col">{t.preview.column}</th>
          <th scope="col">{t.preview.problem}</th>
        </tr>
      </thead>
      <tbody>
        {problems.map((problem, index) => (
          // A row may have the same column's problem twice (two unknown goals): the position keeps them apart.
          <tr key={`${problem.row}-${index}`}>
            <td>{problem.row}</td>
            <td>{problem.column ?? t.preview.noColumn}</td>
            <td>{translateProblem(problem.message)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
