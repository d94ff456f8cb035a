import { CheckboxField, NumberField, TextField } from '../../../components/forms/fields';
import { REQUIRED } from '../../../components/forms/use-api-form';
import { useChangeDimension, type BudgetDimension } from '../api/budget';
import { useEntryForm } from '../hooks/use-entry-form';
import { dimensionValues, toDimension } from '../utils/budget-lists';
import { administrationMessages } from '../messages';
import { AdminForm, type StaleTexts } from './admin-form';

const t = administrationMessages.budget;
const LABELS = {
  code: t.code,
  label: t.label,
  position: t.position,
  required: t.required,
  validatesCodes: t.validatesCodes,
};

type Props = {
  /** The dimension to change, as the person saw it; null for a new one. */
  dimension: BudgetDimension | null;
  dimensions: readonly BudgetDimension[];
  onDone: (saved: BudgetDimension) => void;
  onCancel: () => void;
  stale: StaleTexts;
  reloaded: boolean;
};

/** A dimension's fields; its code names it in every line, so it is given once and not changed. */
export function BudgetDimensionForm({ dimension, dimensions, onDone, onCancel, stale, reloaded }: Props) {
  const { form, formProps } = useEntryForm({
    entry: dimension,
    defaultValues: dimensionValues(dimension, dimensions),
    toEntry: toDimension,
    change: useChangeDimension(),
    labels: LABELS,
    onDone,
  });
  return (
    <AdminForm
      id="dimensionsformular"
      heading={dimension ? t.editHeading(dimension.label) : t.addHeading}
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
        isDisabled={dimension !== null}
        autoComplete="off"
      />
      <TextField
        control={form.control}
        name="label"
        label={t.label}
        description={t.labelHelp}
        isRequired
        rules={REQUIRED}
      />
      <NumberField
        control={form.control}
        name="position"
        label={t.position}
        description={t.positionHelp}
        isRequired
        rules={REQUIRED}
        minValue={1}
      />
      <CheckboxField control={form.control} name="required" label={t.required} description={t.requiredHelp} />
      <CheckboxField
        control={form.control}
        name="validatesCodes"
        label={t.validatesCodes}
        description={t.validatesCodesHelp}
      />
    </AdminForm>
  );
}
