import { statement } from '#common';

/** A row of reference data the import names by name or by code (read-only reads, docs/adr/0003-cross-context-reads.md). */
export type NamedRow = { id: string; code: string; name: string };

export const DEPARTMENT_NAMES_SQL = statement<NamedRow>('SELECT id, code, name FROM departments');
export const GOAL_NAMES_SQL = statement<NamedRow>('SELECT id, code, title AS name FROM goals');
export const TARGET_GROUP_NAMES_SQL = statement<NamedRow>('SELECT id, code, name FROM target_groups');
export const DISTRICT_NAMES_SQL = statement<NamedRow>('SELECT id, code, name FROM districts');

/** Which of the codes `$1` initiatives already have. */
export const TAKEN_CODES_SQL = statement<{ code: string }>('SELECT code FROM initiatives WHERE code = ANY($1::text[])');
