import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { ImportField, ImportPreview } from '../utils/import-problems';
import { columnParams, mediaTypeOf } from '../utils/import-request';

export type ImportRequest = { file: File; mapping: Record<string, ImportField | null>; dryRun: boolean };

/**
 * `POST /initiative-imports` with the file's bytes as the body: a dry run for the preview, or the import itself. After
 * an import the lists that show initiatives are asked again.
 */
export function useInitiativeImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, mapping, dryRun }: ImportRequest): Promise<ImportPreview> =>
      unwrap(
        api.POST('/initiative-imports', {
          params: { query: { dryRun, column: columnParams(mapping) } },
          // The body is the file as it is, not JSON.
          body: file as unknown as string,
          bodySerializer: (body) => body,
          headers: { 'Content-Type': mediaTypeOf(file) },
        }),
      ),
    onSuccess: async (result) => {
      if (result.dryRun) return;
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['initiatives'] }),
        queryClient.invalidateQueries({ queryKey: ['portfolio'] }),
      ]);
    },
  });
}
