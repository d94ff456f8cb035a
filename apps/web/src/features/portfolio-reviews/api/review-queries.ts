import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { components } from '../../../lib/api-schema';

export type Review = components['schemas']['PortfolioReviewWithDecisionsDto'];
export type ReviewListItem = components['schemas']['PortfolioReviewListItemDto'];
export type ReviewAgenda = components['schemas']['ReviewAgendaDto'];
export type AgendaItem = components['schemas']['ReviewAgendaItemDto'];
export type AgendaReason = components['schemas']['AgendaReasonDto'];
export type NewReview = components['schemas']['CreatePortfolioReviewDto'];
export type NewDecision = components['schemas']['CreatePortfolioDecisionDto'];

/** Every review fits one page for years of monthly meetings; the list asks for the most the API gives. */
const REVIEWS_PAGE = 200;

export function useReviews() {
  return useQuery({
    queryKey: ['portfolio-reviews'],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/portfolio-reviews', { params: { query: { limit: REVIEWS_PAGE } }, signal })),
  });
}

export function useReview(id: string) {
  return useQuery({
    queryKey: ['portfolio-reviews', id],
    queryFn: ({ signal }) => unwrap(api.GET('/portfolio-reviews/{id}', { params: { path: { id } }, signal })),
  });
}

export function useAgenda(id: string) {
  return useQuery({
    queryKey: ['portfolio-reviews', id, 'agenda'],
    queryFn: ({ signal }) => unwrap(api.GET('/portfolio-reviews/{id}/agenda', { params: { path: { id } }, signal })),
  });
}

/** The review pack as the API writes it: one HTML page. */
export function useReviewPack(reviewId: string) {
  return useQuery({
    queryKey: ['portfolio-reviews', reviewId, 'pack'],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/portfolio/review-pack', { params: { query: { reviewId } }, parseAs: 'text', signal })),
  });
}

export function useCreateReview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewReview) => unwrap(api.POST('/portfolio-reviews', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['portfolio-reviews'] }),
  });
}

/** A decision; the review, its agenda and everything read about the portfolio (statuses may have moved) are read again. */
export function useDecide(reviewId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewDecision) =>
      unwrap(api.POST('/portfolio-reviews/{id}/decisions', { params: { path: { id: reviewId } }, body })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['portfolio-reviews'] }),
        queryClient.invalidateQueries({ queryKey: ['portfolio'] }),
      ]),
  });
}
