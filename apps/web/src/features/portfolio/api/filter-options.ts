import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { components } from '../../../lib/api-schema';

type GoalTreeNode = components['schemas']['GoalTreeNodeDto'];

export type Option = { id: string; name: string };
/** A goal in the flattened tree: `depth` 0 for a root, for indentation. */
export type GoalOption = Option & { code: string; depth: number };

// Reference data changes seldom: fetched once a session, kept for ten minutes.
const REFERENCE = { staleTime: 10 * 60_000 } as const;
const byName = (a: Option, b: Option) => a.name.localeCompare(b.name, 'sv');

/** Departments by name, for the department filters (their ids go in the URL). */
export function useDepartmentOptions() {
  return useQuery({
    queryKey: ['departments', 'options'],
    queryFn: ({ signal }) => unwrap(api.GET('/departments', { params: { query: { limit: 200 } }, signal })),
    select: (page): Option[] => page.items.map((d) => ({ id: d.id, name: d.name })).sort(byName),
    ...REFERENCE,
  });
}

/** Target groups by name; their codes go in the URL. */
export function useTargetGroupOptions() {
  return useQuery({
    queryKey: ['target-groups', 'options'],
    queryFn: ({ signal }) => unwrap(api.GET('/target-groups', { params: { query: { limit: 200 } }, signal })),
    select: (page): Option[] => page.items.map((g) => ({ id: g.code, name: g.name })).sort(byName),
    ...REFERENCE,
  });
}

/** Districts by name; their codes go in the URL. */
export function useDistrictOptions() {
  return useQuery({
    queryKey: ['districts', 'options'],
    queryFn: ({ signal }) => unwrap(api.GET('/districts', { params: { query: { limit: 200 } }, signal })),
    select: (page): Option[] => page.items.map((d) => ({ id: d.code, name: d.name })).sort(byName),
    ...REFERENCE,
  });
}

/** The goal tree, depth first, each goal with its depth, for a combobox that shows the tree by indentation. */
export function flattenGoalTree(nodes: readonly GoalTreeNode[], depth = 0): GoalOption[] {
  return nodes.flatMap((node) => [
    { id: node.id, code: node.code, name: node.title, depth },
    ...flattenGoalTree(node.children ?? [], depth + 1),
  ]);
}

export function useGoalOptions() {
  return useQuery({
    queryKey: ['goals', 'tree'],
    queryFn: ({ signal }) => unwrap(api.GET('/goals/tree', { signal })),
    select: (tree): GoalOption[] => flattenGoalTree(tree),
    ...REFERENCE,
  });
}
