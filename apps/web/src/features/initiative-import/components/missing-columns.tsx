import { useId, useState, type FormEvent } from 'react';
import { FormButton } from '../../../components/forms/form-button';
import formStyles from '../../../components/forms/forms.module.css';
import { initiativeImportMessages } from '../messages';
import type { ImportField } from '../utils/import-problems';

const t = initiativeImportMessages.missing;
const fields = initiativeImportMessages.fields;

type Props = {
  missing: readonly ImportField[];
  isPending: boolean;
  /** The headers typed, header → field, for another preview. */
  onMap: (mapping: Record<string, ImportField>) => void;
};

/**
 * When the file has no column Samla recognises for a required field, the API answers no columns to choose from: the
 * person types the header their file uses for it instead.
 */
export function MissingColumns({ missing, isPending, onMap }: Props) {
  const id = useId();
  const [headers, setHeaders] = useState<Partial<Record<ImportField, string>>>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onMap(
      Object.fromEntries(missing.flatMap((field) => (headers[field]?.trim() ? [[headers[field].trim(), field]] : []))),
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-rubrik`}>
      <h2 id={`${id}-rubrik`}>{t.heading}</h2>
      <p>{t.intro}</p>
      {missing.map((field) => (
        <div key={field} className={formStyles.field}>
          <label htmlFor={`${id}-${field}`} className={formStyles.label}>
            {t.label(fields[field])}
          </label>
          <input
            id={`${id}-${field}`}
            className={formStyles.input}
            value={headers[field] ?? ''}
            onChange={(event) => setHeaders((current) => ({ ...current, [field]: event.target.value }))}
          />
        </div>
      ))}
      <FormButton type="submit" isDisabled={isPending}>
        {initiativeImportMessages.columns.previewAgain}
      </FormButton>
    </form>
  );
}
