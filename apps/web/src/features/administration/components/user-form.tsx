import { useEffect, useRef } from 'react';
import { ErrorSummary } from '../../../components/forms/error-summary';
import { SelectField, TextField } from '../../../components/forms/fields';
import { FormActions, FormButton } from '../../../components/forms/form-button';
import { REQUIRED, useApiForm } from '../../../components/forms/use-api-form';
import type { Department } from '../api/departments';
import { usePutUser, type User } from '../api/users';
import { EMPTY_USER, toUserMapping, toUserValues, type UserValues } from '../utils/users';
import { administrationMessages } from '../messages';
import styles from './administration.module.css';

const t = administrationMessages.users;
const LABELS = { subject: t.subject, departmentId: t.department, name: t.name, email: t.email };

type Props = {
  /** The mapping to change; null for a new one. */
  user: User | null;
  departments: readonly Department[];
  onDone: (saved: User) => void;
  onCancel: () => void;
};

/** A person's department mapping; a person's id is fixed once mapped (it is the key). Focus comes to its heading. */
export function UserForm({ user, departments, onDone, onCancel }: Props) {
  const put = usePutUser();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { form, problem, submitWith } = useApiForm<UserValues>({
    defaultValues: user ? toUserValues(user) : EMPTY_USER,
    fields: Object.keys(LABELS),
  });
  const options = departments.map((d) => ({ id: d.id, label: `${d.name} (${d.code})` }));
  const send = submitWith(async (values) => {
    if (put.isPending) return;
    onDone(await put.mutateAsync(toUserMapping(values)));
  });
  return (
    <section aria-labelledby="personformular" className={`${styles.section} ${styles.panel}`}>
      <h2 id="personformular" ref={heading} tabIndex={-1}>
        {user ? t.editHeading(user.name ?? user.subject) : t.addHeading}
      </h2>
      <form onSubmit={send} noValidate>
        <ErrorSummary problem={problem} labels={LABELS} />
        <TextField
          control={form.control}
          name="subject"
          label={t.subject}
          description={t.subjectHelp}
          isRequired
          isDisabled={user !== null}
          rules={REQUIRED}
          autoComplete="off"
        />
        <SelectField
          control={form.control}
          name="departmentId"
          label={t.department}
          isRequired
          rules={REQUIRED}
          options={options}
        />
        <TextField control={form.control} name="name" label={t.name} description={t.nameHelp} autoComplete="off" />
        <TextField control={form.control} name="email" label={t.email} type="email" autoComplete="off" />
        <FormActions>
          <FormButton type="submit">{put.isPending ? t.saving : t.save}</FormButton>
          <FormButton variant="secondary" onPress={onCancel} isDisabled={put.isPending}>
            {t.cancel}
          </FormButton>
        </FormActions>
      </form>
    </section>
  );
}
