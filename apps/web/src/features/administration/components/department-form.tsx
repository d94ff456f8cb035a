import { useEffect, useRef } from 'react';
import { ErrorSummary } from '../../../components/forms/error-summary';
import { SelectField, TextField } from '../../../components/forms/fields';
import { FormActions, FormButton } from '../../../components/forms/form-button';
import { REQUIRED, useApiForm } from '../../../components/forms/use-api-form';
import { useCreateDepartment, useUpdateDepartment, type Department, type DepartmentKind } from '../api/departments';
import {
  EMPTY_DEPARTMENT,
  NO_PARENT,
  possibleParents,
  toDepartmentChanges,
  toDepartmentValues,
  toNewDepartment,
  type DepartmentValues,
} from '../utils/departments';
import { administrationMessages } from '../messages';
import styles from './administration.module.css';

const t = administrationMessages.departments;
const KIND_OPTIONS = (Object.keys(t.kind) as DepartmentKind[]).map((id) => ({ id, label: t.kind[id] }));
const LABELS = { code: t.code, name: t.name, kind: t.kindLabel, parentId: t.parent, headEmail: t.headEmail };

type Props = {
  /** The unit to change; null for a new one. */
  department: Department | null;
  departments: readonly Department[];
  onDone: (saved: Department) => void;
  onCancel: () => void;
};

/** A unit's fields; the API's refusals (a code taken, a cycle) land on them in Swedish. Focus comes to its heading. */
export function DepartmentForm({ department, departments, onDone, onCancel }: Props) {
  const create = useCreateDepartment();
  const update = useUpdateDepartment();
  const pending = create.isPending || update.isPending;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { form, problem, submitWith } = useApiForm<DepartmentValues>({
    defaultValues: department ? toDepartmentValues(department) : EMPTY_DEPARTMENT,
    fields: Object.keys(LABELS),
  });
  const parentOptions = [
    { id: NO_PARENT, label: t.noParent },
    ...possibleParents(departments, department?.id ?? null).map((d) => ({ id: d.id, label: `${d.name} (${d.code})` })),
  ];

  const send = submitWith(async (values) => {
    if (pending) return;
    if (!department) return onDone(await create.mutateAsync(toNewDepartment(values)));
    const changes = toDepartmentChanges(department, values);
    onDone(
      Object.keys(changes).length === 0
        ? department
        : await update.mutateAsync({ id: department.id, version: department.version, changes }),
    );
  });

  const title = department ? t.editHeading(department.name) : t.addHeading;
  return (
    <section aria-labelledby="enhetsformular" className={`${styles.section} ${styles.panel}`}>
      <h2 id="enhetsformular" ref={heading} tabIndex={-1}>
        {title}
      </h2>
      <form onSubmit={send} noValidate>
        <ErrorSummary problem={problem} labels={LABELS} />
        <TextField
          control={form.control}
          name="code"
          label={t.code}
          description={t.codeHelp}
          isRequired
          rules={REQUIRED}
        />
        <TextField control={form.control} name="name" label={t.name} isRequired rules={REQUIRED} />
        <SelectField
          control={form.control}
          name="kind"
          label={t.kindLabel}
          isRequired
          rules={REQUIRED}
          options={KIND_OPTIONS}
        />
        <SelectField
          control={form.control}
          name="parentId"
          label={t.parent}
          description={t.parentHelp}
          options={parentOptions}
        />
        <TextField
          control={form.control}
          name="headEmail"
          label={t.headEmail}
          description={t.headEmailHelp}
          type="email"
          autoComplete="off"
        />
        <FormActions>
          <FormButton type="submit">{pending ? t.saving : t.save}</FormButton>
          <FormButton variant="secondary" onPress={onCancel} isDisabled={pending}>
            {t.cancel}
          </FormButton>
        </FormActions>
      </form>
    </section>
  );
}
