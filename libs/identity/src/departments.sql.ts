import { statement } from '#common';

/*
 * Identity's reads of reference data's departments table (docs/adr/0003-cross-context-reads.md): identity sits below
 * reference data, so it reads the table rather than the context. Codes are upper-case by rule.
 */

export type DepartmentRow = { id: string; code: string; name: string };

export const DEPARTMENTS_SQL = statement<DepartmentRow>(`SELECT id, code, name FROM departments`);

export const DEPARTMENT_BY_ID_SQL = statement<DepartmentRow>(`SELECT id, code, name FROM departments WHERE id = $1`);

export const DEPARTMENT_BY_CODE_SQL = statement<DepartmentRow>(
  `SELECT id, code, name FROM departments WHERE code = upper($1)`,
);

export const DEPARTMENT_CODES_SQL = statement<{ code: string }>(`SELECT code FROM departments ORDER BY code`);
