import { statement } from '#common';

/** The department an admin placed a person in; read on every request that carries a token without a department. */
export const USER_DEPARTMENT_SQL = statement<{ departmentId: string | null }>(
  `SELECT department_id AS "departmentId" FROM users WHERE subject = $1`,
);
