import { parseDate } from '@internationalized/date';
import type { ReactNode } from 'react';
import {
  Button,
  Calendar,
  CalendarCell,
  CalendarGrid,
  Checkbox,
  CheckboxGroup,
  DateInput,
  DatePicker,
  DateSegment,
  Dialog,
  FieldError,
  Group,
  Heading,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  NumberField as AriaNumberField,
  Popover,
  Radio,
  RadioGroup,
  Select,
  SelectValue,
  Text,
  TextArea,
  TextField as AriaTextField,
} from 'react-aria-components';
import {
  useController,
  type Control,
  type FieldPath,
  type FieldValues,
  type UseControllerProps,
} from 'react-hook-form';
import { messages } from '../../lib/messages';
import { fieldId } from './field-id';
import styles from './forms.module.css';

export type FieldProps<T extends FieldValues> = {
  control: Control<T>;
  name: FieldPath<T>;
  label: string;
  /** Help beside the field: what to write, and why Samla asks for it. */
  description?: ReactNode;
  isRequired?: boolean;
  isDisabled?: boolean;
  /** The form's own checks before anything is sent (REQUIRED from use-api-form); the API checks everything again. */
  rules?: UseControllerProps<T>['rules'];
};

export type FieldOption = { id: string; label: string };

const t = messages.forms;

/** Label (with "obligatoriskt" in words, not only a star), then the control, the help text and the error. */
function FieldLabel({ label, isRequired }: { label: string; isRequired?: boolean | undefined }) {
  return (
    <Label className={styles.label}>
      {label}
      {isRequired && <span className={styles.required}> {t.required}</span>}
    </Label>
  );
}

function HelpAndError({ description, error }: { description?: ReactNode; error: string | undefined }) {
  return (
    <>
      {description && (
        <Text slot="description" className={styles.description}>
          {description}
        </Text>
      )}
      <FieldError className={styles.fieldError}>{error}</FieldError>
    </>
  );
}

// Each field validates "aria" style: no native bubbles; the message comes from the form (the API's, in Swedish).
export function TextField<T extends FieldValues>({
  control,
  name,
  label,
  description,
  isRequired,
  isDisabled,
  rules,
  type = 'text',
  autoComplete,
}: FieldProps<T> & { type?: 'text' | 'email' | 'tel' | 'url'; autoComplete?: string }) {
  const {
    field: { ref, ...field },
    fieldState,
  } = useController({ control, name, ...(rules ? { rules } : {}) });
  return (
    <AriaTextField
      id={fieldId(name)}
      className={styles.field}
      name={field.name}
      type={type}
      value={field.value ?? ''}
      onChange={field.onChange}
      onBlur={field.onBlur}
      isRequired={isRequired}
      isDisabled={isDisabled}
      isInvalid={fieldState.invalid}
      validationBehavior="aria"
      {...(autoComplete ? { autoComplete } : {})}
    >
      <FieldLabel label={label} isRequired={isRequired} />
      <Input ref={ref} className={styles.input} />
      <HelpAndError description={description} error={fieldState.error?.message} />
    </AriaTextField>
  );
}

export function TextAreaField<T extends FieldValues>({
  control,
  name,
  label,
  description,
  isRequired,
  isDisabled,
  rules,
  rows = 4,
}: FieldProps<T> & { rows?: number }) {
  const {
    field: { ref, ...field },
    fieldState,
  } = useController({ control, name, ...(rules ? { rules } : {}) });
  return (
    <AriaTextField
      id={fieldId(name)}
      className={styles.field}
      name={field.name}
      value={field.value ?? ''}
      onChange={field.onChange}
      onBlur={field.onBlur}
      isRequired={isRequired}
      isDisabled={isDisabled}
      isInvalid={fieldState.invalid}
      validationBehavior="aria"
    >
      <FieldLabel label={label} isRequired={isRequired} />
      <TextArea ref={ref} rows={rows} className={styles.textArea} />
      <HelpAndError description={description} error={fieldState.error?.message} />
    </AriaTextField>
  );
}

/** A number (empty is null); `unit: 'kr'` formats whole kronor as sv-SE writes them (1 234 567 kr). */
export function NumberField<T extends FieldValues>({
  control,
  name,
  label,
  description,
  isRequired,
  isDisabled,
  rules,
  unit,
  minValue,
}: FieldProps<T> & { unit?: 'kr'; minValue?: number }) {
  const {
    field: { ref, ...field },
    fieldState,
  } = useController({ control, name, ...(rules ? { rules } : {}) });
  const value = field.value as number | null | undefined;
  return (
    <AriaNumberField
      id={fieldId(name)}
      className={styles.field}
      name={field.name}
      value={value ?? Number.NaN}
      onChange={(next) => field.onChange(Number.isNaN(next) ? null : next)}
      onBlur={field.onBlur}
      isRequired={isRequired}
      isDisabled={isDisabled}
      isInvalid={fieldState.invalid}
      validationBehavior="aria"
      {...(minValue !== undefined ? { minValue } : {})}
      formatOptions={
        unit === 'kr'
          ? { style: 'currency', currency: 'SEK', currencyDisplay: 'symbol', maximumFractionDigits: 0 }
          : { maximumFractionDigits: 2 }
      }
    >
      <FieldLabel label={label} isRequired={isRequired} />
      <Input ref={ref} className={styles.input} />
      <HelpAndError description={description} error={fieldState.error?.message} />
    </AriaNumberField>
  );
}

function toCalendarDate(value: unknown) {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  try {
    return parseDate(value);
  } catch {
    return null;
  }
}

/** A date typed in segments (år, månad, dag) or picked in a calendar; the value is 'YYYY-MM-DD' or null. */
export function DateField<T extends FieldValues>({
  control,
  name,
  label,
  description,
  isRequired,
  isDisabled,
  rules,
}: FieldProps<T>) {
  const { field, fieldState } = useController({ control, name, ...(rules ? { rules } : {}) });
  return (
    <DatePicker
      id={fieldId(name)}
      className={styles.field}
      name={field.name}
      value={toCalendarDate(field.value)}
      onChange={(next) => field.onChange(next ? next.toString() : null)}
      onBlur={field.onBlur}
      isRequired={isRequired}
      isDisabled={isDisabled}
      isInvalid={fieldState.invalid}
      validationBehavior="aria"
      granularity="day"
    >
      <FieldLabel label={label} isRequired={isRequired} />
      <Group className={styles.dateGroup}>
        <DateInput className={styles.dateInput}>
          {(segment) => <DateSegment segment={segment} className={styles.dateSegment} />}
        </DateInput>
        <Button className={styles.calendarButton} aria-label={t.openCalendar}>
          <span aria-hidden="true">▾</span>
        </Button>
      </Group>
      <HelpAndError description={description} error={fieldState.error?.message} />
      <Popover className={styles.popover}>
        <Dialog className={styles.calendarDialog} aria-label={label}>
          <Calendar firstDayOfWeek="mon">
            <header className={styles.calendarHeader}>
              <Button slot="previous" className={styles.calendarNav}>
                <span aria-hidden="true">‹</span>
              </Button>
              <Heading className={styles.calendarHeading} />
              <Button slot="next" className={styles.calendarNav}>
                <span aria-hidden="true">›</span>
              </Button>
            </header>
            <CalendarGrid className={styles.calendarGrid}>
              {(date) => <CalendarCell date={date} className={styles.calendarCell} />}
            </CalendarGrid>
          </Calendar>
        </Dialog>
      </Popover>
    </DatePicker>
  );
}

/** One choice from a list; `placeholder` shows while nothing is chosen (the value is then null). */
export function SelectField<T extends FieldValues>({
  control,
  name,
  label,
  description,
  isRequired,
  isDisabled,
  rules,
  options,
  placeholder = t.choose,
}: FieldProps<T> & { options: readonly FieldOption[]; placeholder?: string }) {
  const {
    field: { ref, ...field },
    fieldState,
  } = useController({ control, name, ...(rules ? { rules } : {}) });
  return (
    <Select
      id={fieldId(name)}
      className={styles.field}
      name={field.name}
      selectedKey={field.value ?? null}
      onSelectionChange={(key) => field.onChange(key === null ? null : String(key))}
      onBlur={field.onBlur}
      isRequired={isRequired}
      isDisabled={isDisabled}
      isInvalid={fieldState.invalid}
      validationBehavior="aria"
      placeholder={placeholder}
    >
      <FieldLabel label={label} isRequired={isRequired} />
      <Button ref={ref} className={styles.selectButton}>
        <SelectValue />
        <span aria-hidden="true">▾</span>
      </Button>
      <HelpAndError description={description} error={fieldState.error?.message} />
      <Popover className={styles.popover}>
        <ListBox className={styles.listBox}>
          {options.map((option) => (
            <ListBoxItem key={option.id} id={option.id} className={styles.option}>
              {option.label}
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </Select>
  );
}

/** A yes-or-no question as one checkbox. */
export function CheckboxField<T extends FieldValues>({
  control,
  name,
  label,
  description,
  isDisabled,
  rules,
}: Omit<FieldProps<T>, 'isRequired'>) {
  const { field, fieldState } = useController({ control, name, ...(rules ? { rules } : {}) });
  const descriptionId = `${fieldId(name)}-hjalp`;
  const errorId = `${fieldId(name)}-fel`;
  return (
    <div className={styles.field}>
      <Checkbox
        id={fieldId(name)}
        name={field.name}
        isSelected={Boolean(field.value)}
        onChange={field.onChange}
        onBlur={field.onBlur}
        isDisabled={isDisabled}
        isInvalid={fieldState.invalid}
        validationBehavior="aria"
        aria-describedby={
          [description ? descriptionId : '', fieldState.error ? errorId : ''].filter(Boolean).join(' ') || undefined
        }
        className={styles.checkbox}
      >
        <span className={styles.box} aria-hidden="true" />
        {label}
      </Checkbox>
      {description && (
        <p id={descriptionId} className={styles.description}>
          {description}
        </p>
      )}
      {fieldState.error && (
        <p id={errorId} className={styles.fieldError}>
          {fieldState.error.message}
        </p>
      )}
    </div>
  );
}

/** Several choices from a short list (string[]). */
export function CheckboxGroupField<T extends FieldValues>({
  control,
  name,
  label,
  description,
  isRequired,
  isDisabled,
  rules,
  options,
}: FieldProps<T> & { options: readonly FieldOption[] }) {
  const { field, fieldState } = useController({ control, name, ...(rules ? { rules } : {}) });
  return (
    <CheckboxGroup
      id={fieldId(name)}
      className={styles.fieldset}
      name={field.name}
      value={field.value ?? []}
      onChange={field.onChange}
      onBlur={field.onBlur}
      isRequired={isRequired}
      isDisabled={isDisabled}
      isInvalid={fieldState.invalid}
      validationBehavior="aria"
    >
      <FieldLabel label={label} isRequired={isRequired} />
      <HelpAndError description={description} error={fieldState.error?.message} />
      <div className={styles.choices}>
        {options.map((option) => (
          <Checkbox key={option.id} value={option.id} className={styles.checkbox}>
            <span className={styles.box} aria-hidden="true" />
            {option.label}
          </Checkbox>
        ))}
      </div>
    </CheckboxGroup>
  );
}

/** One choice from a short list, all shown. */
export function RadioGroupField<T extends FieldValues>({
  control,
  name,
  label,
  description,
  isRequired,
  isDisabled,
  rules,
  options,
}: FieldProps<T> & { options: readonly (FieldOption & { icon?: ReactNode })[] }) {
  const { field, fieldState } = useController({ control, name, ...(rules ? { rules } : {}) });
  return (
    <RadioGroup
      id={fieldId(name)}
      className={styles.fieldset}
      name={field.name}
      value={field.value ?? null}
      onChange={field.onChange}
      onBlur={field.onBlur}
      isRequired={isRequired}
      isDisabled={isDisabled}
      isInvalid={fieldState.invalid}
      validationBehavior="aria"
    >
      <FieldLabel label={label} isRequired={isRequired} />
      <HelpAndError description={description} error={fieldState.error?.message} />
      <div className={styles.choices}>
        {options.map((option) => (
          <Radio key={option.id} value={option.id} className={styles.radio}>
            <span className={styles.dot} aria-hidden="true" />
            {option.icon}
            {option.label}
          </Radio>
        ))}
      </div>
    </RadioGroup>
  );
}
