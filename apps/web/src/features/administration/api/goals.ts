import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { components } from '../../../lib/api-schema';
import { administrationMessages } from '../messages';
import type { ApiMessage } from '../utils/problems';
import { unwrapInSwedish } from './refusal';

export type Goal = components['schemas']['GoalDto'];
export type GoalTreeNode = components['schemas']['GoalTreeNodeDto'];
export type NewGoal = components['schemas']['CreateGoalDto'];
export type GoalChanges = components['schemas']['UpdateGoalDto'];

// Under the key other screens read the tree by (Insatsen, the pickers), so a goal added here shows there too.
const GOALS = ['goals'] as const;
/** A goal's own refusal; the shared words (utils/problems.ts) speak of units. */
const GOAL_MESSAGES: readonly ApiMessage[] = [
  ['parentId', /would create a cycle/, administrationMessages.problems.goalCycle],
];

export function useGoalTree() {
  return useQuery({
    queryKey: [...GOALS, 'tree'],
    queryFn: ({ signal }) => unwrap(api.GET('/goals/tree', { signal })),
  });
}

/** One goal as stored now, with its ETag, which a change sends back as `If-Match`. Read afresh each time it is asked for. */
export function useGoal(id: string) {
  return useQuery({
    queryKey: [...GOALS, 'one', id],
    queryFn: async ({ signal }) => {
      const call = api.GET('/goals/{id}', { params: { path: { id } }, signal });
      const goal = await unwrap(call);
      return { goal, etag: (await call).response.headers.get('ETag') ?? '' };
    },
    staleTime: 0,
    gcTime: 0,
  });
}

/** Every screen that shows the goal tree (Mål och effekter reads it with its figures) reads it again. */
function refreshGoals(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: GOALS }),
    queryClient.invalidateQueries({ queryKey: ['portfolio', 'goal-tree'] }),
  ]);
}

export function useCreateGoal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewGoal) => unwrapInSwedish(api.POST('/goals', { body }), { messages: GOAL_MESSAGES }),
    onSuccess: () => refreshGoals(queryClient),
  });
}

/** Changes a goal with the ETag it was read with (`If-Match`): someone else's change meanwhile is a 412, not overwritten. */
export function useUpdateGoal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, etag, changes }: { id: string; etag: string; changes: GoalChanges }) =>
      unwrapInSwedish(
        api.PATCH('/goals/{id}', { params: { path: { id }, header: { 'If-Match': etag } }, body: changes }),
        { messages: GOAL_MESSAGES },
      ),
    onSuccess: () => refreshGoals(queryClient),
  });
}
