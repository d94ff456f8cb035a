import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { components } from '../../../lib/api-schema';

export type GoalFigures = components['schemas']['GoalTreeFiguresNodeDto'];
export type GoalIndicator = components['schemas']['GoalIndicatorTrendDto'];
export type ChainGraph = components['schemas']['EffectGraphDto'];
export type ChainNode = components['schemas']['EffectGraphNodeDto'];

/** Every goal with its initiatives, their annual cost and its indicators' trend, over the whole portfolio. */
export function useGoalTreeFigures() {
  return useQuery({
    queryKey: ['portfolio', 'goal-tree'],
    queryFn: ({ signal }) => unwrap(api.GET('/portfolio/goal-tree', { signal })),
  });
}

/** A goal's shared effect chain, each node with the initiatives that contribute to it (the key Effektlogik reads too). */
export function useGoalChain(goalId: string | undefined) {
  return useQuery({
    queryKey: ['goal', goalId, 'effect-logic'],
    enabled: goalId !== undefined,
    queryFn: async ({ signal }): Promise<ChainGraph> => {
      const graph = await unwrap(api.GET('/goals/{id}/effect-logic', { params: { path: { id: goalId ?? '' }, query: { format: 'json' } }, signal }));
      if (typeof graph === 'string') throw new TypeError('The effect chain came as text, not as a graph');
      return graph;
    },
  });
}
