import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { components } from '../../../lib/api-schema';

export type EffectGraph = components['schemas']['EffectGraphDto'];
export type EffectGraphNode = components['schemas']['EffectGraphNodeDto'];
export type EffectLevel = EffectGraphNode['level'];
export type Indicator = components['schemas']['IndicatorDto'];
export type IndicatorSeries = components['schemas']['IndicatorSeriesDto'];

// The keys are Insatsen's (features/initiative), so what changes here is read again there too.
const initiativeKey = (code: string) => ['initiative', code] as const;
const effectLogicKey = (initiativeId: string) => ['initiative', initiativeId, 'effect-logic'] as const;
const seriesKey = (indicatorId: string) => ['indicator', indicatorId, 'series'] as const;
const INDICATORS_KEY = ['indicators'] as const;

export function useInitiativeByCode(code: string) {
  return useQuery({
    queryKey: initiativeKey(code),
    queryFn: ({ signal }) => unwrap(api.GET('/initiatives/{id}', { params: { path: { id: code } }, signal })),
  });
}

/** The same path answers Mermaid text for format=mermaid; asked for JSON, anything else is not a graph. */
function graphOnly(graph: EffectGraph | string): EffectGraph {
  if (typeof graph === 'string') throw new TypeError('The effect logic came as text, not as a graph');
  return graph;
}

export function useInitiativeEffectLogic(initiativeId: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: effectLogicKey(initiativeId),
    queryFn: async ({ signal }) =>
      graphOnly(
        await unwrap(
          api.GET('/initiatives/{id}/effect-logic', {
            params: { path: { id: initiativeId }, query: { format: 'json' } },
            signal,
          }),
        ),
      ),
  });
}

/** The shared chains the initiative may link into (the API names them in `goalChains`), each as its own graph. */
export function useGoalChains(goalIds: readonly string[]) {
  return useQueries({
    queries: goalIds.map((goalId) => ({
      queryKey: ['goal', goalId, 'effect-logic'],
      queryFn: async ({ signal }: { signal: AbortSignal }) =>
        graphOnly(
          await unwrap(
            api.GET('/goals/{id}/effect-logic', {
              params: { path: { id: goalId }, query: { format: 'json' } },
              signal,
            }),
          ),
        ),
    })),
  });
}

/** After any change to the chain: the initiative's graph and the shared chains (their contributors) are read again. */
export function useInvalidateEffectLogic(initiativeId: string) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: effectLogicKey(initiativeId) }),
      client.invalidateQueries({ queryKey: ['goal'] }),
    ]);
}

/** Every indicator, by code (the API's list; a municipality has tens, not thousands). */
export function useIndicators() {
  return useQuery({
    queryKey: INDICATORS_KEY,
    queryFn: ({ signal }) => unwrap(api.GET('/indicators', { params: { query: { limit: 200 } }, signal })),
  });
}

export function useInvalidateIndicators() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: INDICATORS_KEY });
}

export function useIndicatorSeries(indicatorId: string) {
  return useQuery({
    queryKey: seriesKey(indicatorId),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/indicators/{id}/series', { params: { path: { id: indicatorId } }, signal })),
  });
}

export function useInvalidateSeries(indicatorId: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: seriesKey(indicatorId) });
}

export function useDepartments() {
  return useQuery({
    queryKey: ['departments'],
    queryFn: ({ signal }) => unwrap(api.GET('/departments', { params: { query: { limit: 200 } }, signal })),
    staleTime: 5 * 60_000,
  });
}

export function useDistricts() {
  return useQuery({
    queryKey: ['districts'],
    queryFn: ({ signal }) => unwrap(api.GET('/districts', { params: { query: { limit: 200 } }, signal })),
    staleTime: 5 * 60_000,
  });
}

/** Initiatives by code: of the person's own department (lead or participant) when `departmentId` is given, else all. */
export function useInitiativeChoices(departmentId: string | null, enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: ['initiatives', 'choices', departmentId],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/initiatives', {
          params: { query: { limit: 200, sort: 'code', ...(departmentId ? { departmentId } : {}) } },
          signal,
        }),
      ),
  });
}
