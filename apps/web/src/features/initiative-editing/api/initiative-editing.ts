import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api, ApiProblemError, unwrap } from '../../../lib/api-client';
import type { components } from '../../../lib/api-schema';
import { inSwedish, type Initiative, type InitiativeBody } from '../utils/initiative-form';

type CreateBody = components['schemas']['CreateInitiativeDto'];

/** An initiative with the ETag it was read (or saved) with: what the next change sends as If-Match. */
export type Versioned = { initiative: Initiative; etag: string };

type Call<T> = Promise<{ data?: T; error?: unknown; response: Response }>;

/** A refusal's field messages in Swedish (inSwedish) before a form shows them. */
async function swedish<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    throw error instanceof ApiProblemError ? new ApiProblemError(inSwedish(error.problem)) : error;
  }
}

async function versioned(call: Call<Initiative>): Promise<Versioned> {
  let etag = '';
  const initiative = await swedish(
    unwrap(call.then((result) => ((etag = result.response.headers.get('ETag') ?? ''), result))),
  );
  return { initiative, etag };
}

export const editableKey = (code: string) => ['initiative', code, 'editable'] as const;

/** The initiative by code with its ETag, for a form that saves with If-Match. */
export function useEditableInitiative(code: string) {
  return useQuery({
    queryKey: editableKey(code),
    queryFn: ({ signal }) => versioned(api.GET('/initiatives/{id}', { params: { path: { id: code } }, signal })),
    // The form keeps what it was opened with; a background read must not move the ground under it.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

/** The initiative as it is now, for the conflict view (not from the cache). */
export function readInitiative(id: string) {
  return versioned(api.GET('/initiatives/{id}', { params: { path: { id } } }));
}

/** Registers a draft: the first step's fields (code, title and kind are required; the API says what is missing). */
export function createInitiative(body: InitiativeBody) {
  return versioned(api.POST('/initiatives', { body: body as CreateBody }));
}

export function patchInitiative(id: string, etag: string, body: InitiativeBody) {
  return versioned(api.PATCH('/initiatives/{id}', { params: { path: { id }, header: { 'If-Match': etag } }, body }));
}

/** After a save: the new version where forms read it, and everything else about the initiative and the list read again. */
export async function saved(queryClient: QueryClient, next: Versioned) {
  queryClient.setQueryData(editableKey(next.initiative.code), next);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ['initiative'], predicate: (query) => query.queryKey[2] !== 'editable' }),
    queryClient.invalidateQueries({ queryKey: ['initiatives'] }),
  ]);
}

/** The lifecycle moves open now, each with its unmet guards (the same read Insatsen makes). */
export function useNextMoves(id: string) {
  return useQuery({
    queryKey: ['initiative', id, 'transitions'],
    queryFn: ({ signal }) => unwrap(api.GET('/initiatives/{id}/transitions', { params: { path: { id } }, signal })),
  });
}

export function propose(id: string) {
  return swedish(
    unwrap(api.POST('/initiatives/{id}/transitions', { params: { path: { id } }, body: { to: 'proposed' } })),
  );
}

export type Option = { id: string; label: string };
const REFERENCE = { staleTime: 10 * 60_000 } as const;
const byLabel = (a: Option, b: Option) => a.label.localeCompare(b.label, 'sv');

export function useDepartments() {
  return useQuery({
    queryKey: ['departments', 'options'],
    queryFn: ({ signal }) => unwrap(api.GET('/departments', { params: { query: { limit: 200 } }, signal })),
    select: (page): Option[] => page.items.map((d) => ({ id: d.id, label: d.name })).sort(byLabel),
    ...REFERENCE,
  });
}

export function useTargetGroups() {
  return useQuery({
    queryKey: ['target-groups', 'options'],
    queryFn: ({ signal }) => unwrap(api.GET('/target-groups', { params: { query: { limit: 200 } }, signal })),
    select: (page): Option[] => page.items.map((g) => ({ id: g.code, label: g.name })).sort(byLabel),
    ...REFERENCE,
  });
}

export function useDistricts() {
  return useQuery({
    queryKey: ['districts', 'options'],
    queryFn: ({ signal }) => unwrap(api.GET('/districts', { params: { query: { limit: 200 } }, signal })),
    select: (page): Option[] => page.items.map((d) => ({ id: d.code, label: d.name })).sort(byLabel),
    ...REFERENCE,
  });
}

export function useGoalTree() {
  return useQuery({
    queryKey: ['goals', 'tree'],
    queryFn: ({ signal }) => unwrap(api.GET('/goals/tree', { signal })),
    ...REFERENCE,
  });
}
