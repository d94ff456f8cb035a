import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { components } from '../../../lib/api-schema';
import type { InitiativeStatusKey } from '../../../lib/messages';

export type GoalFigures = components['schemas']['GoalTreeFiguresNodeDto'];
export type GoalIndicator = components['schemas']['GoalIndicatorTrendDto'];
export type ChainGraph = components['schemas']['EffectGraphDto'];
export type ChainNode = components['schemas']['EffectGraphNodeDto'];

/** Every goal with its initiatives (those of these statuses, or all), their annual cost and its indicators' trend. */
export function useGoalTreeFigures(status?: readonly InitiativeStatusKey[]) {
  return useQuery({
    queryKey: ['portfolio', 'goal-tree', status ?? 'all'],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/portfolio/goal-tree', { params: { query: status ? { status: [...status] } : {} }, signal })),
  });
}

/** A goal's shared effect chain, each node with the initiatives that contribute to it (the key Effektlogik reads too). */
export function useGoalChain(goalId: string | undefined) {
  return useQuery({
    queryKey: ['goal', goalId, 'effect-logic'],
    enabled: goalId !== undefined,
    queryFn: async ({ signal }): Promise<ChainGraph> => {
      const graph = await unwrap(
        api.GET('/goals/{id}/effect-logic', {
          params: { path: { id: goalId ?? '' }, query: { format: 'json' } },
          signal,
        }),
      );
      if (typeof graph === 'string') throw new TypeError('The effect chain came as text, not as a graph');
      return graph;
    },
  });
}
