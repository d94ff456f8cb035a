import type { components } from '../../../lib/api-schema';

type User = components['schemas']['UserDto'];

/** The mapping form's values; null for a department not yet chosen, '' for an empty text. */
export type UserValues = { subject: string; departmentId: string | null; name: string; email: string };

export const EMPTY_USER: UserValues = { subject: '', departmentId: null, name: '', email: '' };

export function toUserValues(user: User): UserValues {
  return { subject: user.subject, departmentId: user.departmentId, name: user.name ?? '', email: user.email ?? '' };
}

/** PUT replaces the whole mapping: an emptied name or e-mail is sent as null, so it is cleared rather than kept. */
export function toUserMapping(values: UserValues) {
  const text = (value: string) => value.trim() || null;
  // A department not chosen is left for the API to name (the form asks for one first).
  return {
    subject: values.subject.trim(),
    mapping: { departmentId: values.departmentId ?? '', name: text(values.name), email: text(values.email) },
  };
}
