import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, ApiProblemError, unwrap } from '../../../lib/api-client';
import {
  explainFundingProblem,
  type CoverageDecisionBody,
  type CreateFundingLineBody,
  type FundingAction,
  type FundingLine,
  type UpdateFundingLineBody,
  toLine,
} from '../utils/funding-form';

/** The initiative by id or code: its title, status and owners (who may write its funding, who decides coverage). */
export function useFundingInitiative(idOrCode: string) {
  return useQuery({
    queryKey: ['initiative', idOrCode],
    queryFn: ({ signal }) => unwrap(api.GET('/initiatives/{id}', { params: { path: { id: idOrCode } }, signal })),
  });
}

/** The same key as Insatsen's funding section, so a change here shows there too. */
const fundingKey = (initiativeId: string) => ['initiative', initiativeId, 'funding'] as const;

export function useFundingLines(initiativeId: string) {
  return useQuery({
    queryKey: fundingKey(initiativeId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/initiatives/{id}/funding', { params: { path: { id: initiativeId }, query: { limit: 200 } }, signal }),
      ),
    select: (page) => page.items.map(toLine),
  });
}

const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

/** Runs a call; a refusal comes back with the funding screen's own explanations (explainFundingProblem). */
async function explained<T>(
  action: FundingAction,
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  try {
    return await unwrap(call);
  } catch (error) {
    if (error instanceof ApiProblemError) throw new ApiProblemError(explainFundingProblem(error.problem, action));
    throw error;
  }
}

export function isStale(error: unknown): boolean {
  return error instanceof ApiProblemError && error.problem.status === 412;
}

/**
 * The writes of the funding screen. Each refreshes what it changes: the initiative's lines, and everything on
 * Insatsen keyed under the initiative (its next moves' guards, its history) as well as the portfolio list.
 */
export function useFundingWrites(initiativeId: string) {
  const queryClient = useQueryClient();
  const refresh = useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ['initiative', initiativeId] }),
      queryClient.invalidateQueries({ queryKey: ['initiatives'] }),
    ]);
  }, [queryClient, initiativeId]);

  return {
    refresh,
    /** The line as stored now, for the conflict view after a 412. */
    read: async (id: string) => toLine(await unwrap(api.GET('/funding/{id}', { params: { path: { id } } }))),
    create: async (body: CreateFundingLineBody): Promise<FundingLine> => {
      const line = await explained(
        'create',
        api.POST('/initiatives/{id}/funding', { params: { path: { id: initiativeId } }, body }),
      );
      await refresh();
      return toLine(line);
    },
    update: async (line: Pick<FundingLine, 'id' | 'version'>, body: UpdateFundingLineBody): Promise<FundingLine> => {
      const saved = await explained(
        'update',
        api.PATCH('/funding/{id}', { params: { path: { id: line.id }, header: ifMatch(line.version) }, body }),
      );
      await refresh();
      return toLine(saved);
    },
    decideCoverage: async (
      line: Pick<FundingLine, 'id' | 'version'>,
      body: CoverageDecisionBody,
    ): Promise<FundingLine> => {
      const saved = await explained(
        'coverage',
        api.PUT('/funding/{id}/coverage-decision', {
          params: { path: { id: line.id }, header: ifMatch(line.version) },
          body,
        }),
      );
      await refresh();
      return toLine(saved);
    },
    remove: async (id: string): Promise<void> => {
      await explained('remove', api.DELETE('/funding/{id}', { params: { path: { id } } }));
      await refresh();
    },
  };
}
