import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { components } from '../../../lib/api-schema';
import { unwrapInSwedish } from './refusal';

export type Department = components['schemas']['DepartmentDto'];
export type DepartmentKind = Department['kind'];
export type NewDepartment = components['schemas']['CreateDepartmentDto'];
export type DepartmentChanges = components['schemas']['UpdateDepartmentDto'];

// Under the key other screens read departments by, so a unit added here shows in their pickers too.
const DEPARTMENTS = ['departments'] as const;
/** The API's largest page: a municipality's units fit on it. */
const LIMIT = 200;

export function useDepartments() {
  return useQuery({
    queryKey: [...DEPARTMENTS, 'administration'],
    queryFn: ({ signal }) => unwrap(api.GET('/departments', { params: { query: { limit: LIMIT } }, signal })),
  });
}

export function useCreateDepartment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewDepartment) => unwrapInSwedish(api.POST('/departments', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: DEPARTMENTS }),
  });
}

/** Changes a unit with the version it was read at (`If-Match`): someone else's change meanwhile is a 412, not overwritten. */
export function useUpdateDepartment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, changes }: { id: string; version: number; changes: DepartmentChanges }) =>
      unwrapInSwedish(
        api.PATCH('/departments/{id}', {
          params: { path: { id }, header: { 'If-Match': `"${version}"` } },
          body: changes,
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: DEPARTMENTS }),
  });
}
