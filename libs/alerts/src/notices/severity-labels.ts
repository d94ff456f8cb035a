import type { AlertSeverity } from '../alert.entity.js';

/** Each severity as a municipal reader sees it, capitalised (lower-cased in SQL where a sentence needs it). */
export const SEVERITY_LABELS: Record<AlertSeverity, string> = { info: 'Information', warning: 'Varning', critical: 'Kritiskt' };
