import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { components } from '../../../lib/api-schema';
import { onEntry, withChange, type ListChange } from '../utils/budget-lists';
import { unwrapInSwedish } from './refusal';

export type BudgetDimension = components['schemas']['BudgetDimensionDto'];
export type BudgetCode = components['schemas']['BudgetDimensionCodeDto'];

const DIMENSIONS = ['budget', 'dimensions'] as const;

const dimensionsQuery = {
  queryKey: DIMENSIONS,
  queryFn: ({ signal }: { signal: AbortSignal }) => unwrap(api.GET('/integrations/budget/dimensions', { signal })),
};

const codesQuery = (dimension: string) => ({
  queryKey: [...DIMENSIONS, dimension, 'codes'],
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    unwrap(api.GET('/integrations/budget/dimensions/{code}/codes', { params: { path: { code: dimension } }, signal })),
});

export function useBudgetDimensions() {
  return useQuery(dimensionsQuery);
}

export function useBudgetCodes(dimension: string) {
  return useQuery(codesQuery(dimension));
}

/**
 * The PUT takes the whole set of dimensions, so the set is read again right before it and the one change made to
 * what is there now (utils/budget-lists.ts): a dimension someone else added meanwhile stays, and one they changed is
 * refused (412) rather than overwritten. The list shown is then what was read and saved.
 */
export function useChangeDimension() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (change: ListChange<BudgetDimension>) => {
      const { dimensions } = await queryClient.fetchQuery({ ...dimensionsQuery, staleTime: 0 });
      const { list, index } = withChange(dimensions, change);
      return unwrapInSwedish(api.PUT('/integrations/budget/dimensions', { body: { dimensions: list } }), {
        asForm: (problem) => onEntry(problem, 'dimensions', index, 'position'),
      });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: DIMENSIONS }),
  });
}

/** A dimension's codes, the same way: read again right before the PUT, which replaces the whole list. */
export function useChangeCode(dimension: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (change: ListChange<BudgetCode>) => {
      const { codes } = await queryClient.fetchQuery({ ...codesQuery(dimension), staleTime: 0 });
      const { list, index } = withChange(codes, change);
      return unwrapInSwedish(
        api.PUT('/integrations/budget/dimensions/{code}/codes', {
          params: { path: { code: dimension } },
          body: { codes: list },
        }),
        {
          asForm: (problem) => onEntry(problem, 'codes', index, 'code'),
        },
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: codesQuery(dimension).queryKey }),
  });
}
