import { createContext, useContext } from 'react';
import type { components } from '../api-schema';

/** `GET /api/v1/web-config`: what the app needs before anyone is signed in (the API's WebConfigDto). */
export type WebConfig = components['schemas']['WebConfigDto'];

/**
 * Reads the public web-config with plain fetch (no token: there is none yet, and the API asks for none). Rejects when
 * the API does not answer 200 with the expected shape; the AuthProvider then shows what to do.
 */
export async function fetchWebConfig(signal?: AbortSignal): Promise<WebConfig> {
  const response = await globalThis.fetch(new URL('/api/v1/web-config', window.location.origin), {
    headers: { Accept: 'application/json' },
    signal,
  });
  if (!response.ok) throw new Error(`GET /api/v1/web-config answered ${response.status}`);
  const config = (await response.json()) as Partial<WebConfig> | null;
  if (
    !config ||
    typeof config.municipalityName !== 'string' ||
    typeof config.oidc?.authority !== 'string' ||
    typeof config.oidc.clientId !== 'string'
  ) {
    throw new Error('GET /api/v1/web-config answered without municipalityName and oidc');
  }
  return config as WebConfig;
}

export const WebConfigContext = createContext<WebConfig | null>(null);

/** The loaded web-config; only inside the AuthProvider, which renders its children once it has it. */
export function useWebConfig(): WebConfig {
  const config = useContext(WebConfigContext);
  if (!config) throw new Error('useWebConfig is used outside the AuthProvider');
  return config;
}
