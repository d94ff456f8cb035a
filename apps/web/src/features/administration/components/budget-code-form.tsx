import { DateField, TextField } from '../../../components/forms/fields';
import { REQUIRED } from '../../../components/forms/use-api-form';
import { useChangeCode, type BudgetCode } from '../api/budget';
import { useEntryForm } from '../hooks/use-entry-form';
import { codeValues, toBudgetCode } from '../utils/budget-lists';
import { administrationMessages } from '../messages';
import { AdminForm, type StaleTexts } from './admin-form';

const t = administrationMessages.budgetCodes;
const LABELS = { code: t.code, label: t.label, validFrom: t.validFrom, validTo: t.validTo };

type Props = {
  dimension: string;
  /** The code to change, as the person saw it; null for a new one. */
  code: BudgetCode | null;
  onDone: (saved: BudgetCode) => void;
  onCancel: () => void;
  stale: StaleTexts;
  reloaded: boolean;
};

/** A code's fields; the code itself is what lines carry, so it is given once and not changed. */
export function BudgetCodeForm({ dimension, code, onDone, onCancel, stale, reloaded }: Props) {
  const { form, formProps } = useEntryForm({
    entry: code,
    defaultValues: codeValues(code),
    toEntry: toBudgetCode,
    change: useChangeCode(dimension),
    labels: LABELS,
    onDone,
  });
  return (
    <AdminForm
      id="kodformular"
      heading={code ? t.editHeading(code.code) : t.addHeading}
      stale={stale}
      reloaded={reloaded}
      texts={t}
      onCancel={onCancel}
      {...formProps}
    >
      <TextField
        control={form.control}
        name="code"
        label={t.code}
        description={t.codeHelp}
        isRequired
        rules={REQUIRED}
        isDisabled={code !== null}
        autoComplete="off"
      />
      <TextField control={form.control} name="label" label={t.label} isRequired rules={REQUIRED} />
      <DateField control={form.control} name="validFrom" label={t.validFrom} description={t.validFromHelp} />
      <DateField control={form.control} name="validTo" label={t.validTo} description={t.validToHelp} />
    </AdminForm>
  );
}
