import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { components } from '../../../lib/api-schema';
import { unwrapInSwedish } from './refusal';

export type WebhookSubscription = components['schemas']['WebhookSubscriptionDto'];
export type WebhookEventType = WebhookSubscription['events'][number];
export type NewWebhookSubscription = components['schemas']['CreateWebhookSubscriptionDto'];
export type WebhookDelivery = components['schemas']['WebhookDeliveryDto'];

const WEBHOOKS = ['webhook-subscriptions'] as const;

export function useWebhookSubscriptions() {
  return useQuery({
    queryKey: [...WEBHOOKS, 'list'],
    queryFn: ({ signal }) => unwrap(api.GET('/webhook-subscriptions', { signal })),
  });
}

export function useWebhookDeliveries(id: string, page: { offset: number; limit: number }) {
  return useQuery({
    queryKey: [...WEBHOOKS, id, 'deliveries', page],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/webhook-subscriptions/{id}/deliveries', { params: { path: { id }, query: page }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useCreateWebhookSubscription() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewWebhookSubscription) => unwrapInSwedish(api.POST('/webhook-subscriptions', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: WEBHOOKS }),
  });
}

/** Pauses or resumes, with the version read (`If-Match`). */
export function useSetWebhookStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      subscription,
      status,
    }: {
      subscription: WebhookSubscription;
      status: WebhookSubscription['status'];
    }) =>
      unwrap(
        api.PATCH('/webhook-subscriptions/{id}', {
          params: { path: { id: subscription.id }, header: { 'If-Match': `"${subscription.version}"` } },
          body: { status },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: WEBHOOKS }),
  });
}

export function useDeleteWebhookSubscription() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/webhook-subscriptions/{id}', { params: { path: { id } } })),
    // The list only: the removed subscription's deliveries, still shown until the list answers, are gone (404).
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...WEBHOOKS, 'list'] }),
  });
}

export function useRedeliver() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, deliveryId }: { id: string; deliveryId: string }) =>
      unwrap(
        api.POST('/webhook-subscriptions/{id}/deliveries/{deliveryId}/redeliver', {
          params: { path: { id, deliveryId } },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: WEBHOOKS }),
  });
}
