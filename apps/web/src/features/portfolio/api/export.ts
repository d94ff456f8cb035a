import { api, ApiProblemError } from '../../../lib/api-client';
import { toProblemDetails } from '../../../lib/problem';
import { filtersOf, type InitiativeListSearch } from '../utils/initiative-list-search';
import { portfolioMessages } from '../messages';

export type ExportFormat = 'xlsx' | 'csv';

/** Today as YYYY-MM-DD in Sweden, for the file's name. */
export function swedishToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/**
 * Downloads the view's filtered portfolio (GET /portfolio/export, the list's filters) as a file. It goes through the
 * API client, so it carries the signed-in person's token as every call does, and is saved from a Blob through a
 * temporary link with a Swedish file name (`insatser-2026-12-04.xlsx`). Answers the file's name.
 */
export async function downloadExport(search: InitiativeListSearch, format: ExportFormat): Promise<string> {
  let result;
  try {
    result = await api.GET('/portfolio/export', {
      params: { query: { ...filtersOf(search), format } },
      parseAs: 'blob',
    });
  } catch {
    throw new ApiProblemError(toProblemDetails(0, undefined));
  }
  if (!result.response.ok || !(result.data instanceof Blob)) {
    throw new ApiProblemError(toProblemDetails(result.response.status, result.error));
  }
  const fileName = portfolioMessages.export.fileName(swedishToday(), format);
  const url = URL.createObjectURL(result.data);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Revoked after the click has been handled: the download has its own reference by then.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  return fileName;
}
