import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { I18nProvider } from 'react-aria-components';
import { AuthProvider } from '../lib/auth/auth-provider';
import { LOCALE } from '../lib/format';

/** Refused requests (4xx) are answers, not outages: retry only failures that another try may fix. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  const status = (error as { problem?: { status?: number } } | null)?.problem?.status;
  if (status !== undefined && status >= 400 && status < 500 && status !== 429) return false;
  return failureCount < 2;
}

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: shouldRetry },
      mutations: { retry: false },
    },
  });
}

/**
 * Everything the app needs around the router: server state, the locale for react-aria's widgets, and sign-in (which
 * reads web-config through TanStack Query, so it sits inside its provider).
 */
export function AppProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <I18nProvider locale={LOCALE}>
      <QueryClientProvider client={queryClient}>
        <AuthProvider>{children}</AuthProvider>
      </QueryClientProvider>
    </I18nProvider>
  );
}
