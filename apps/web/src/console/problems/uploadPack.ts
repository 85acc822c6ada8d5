import type { PackImportErrorResponse, PackImportResponse, PackIssueView } from '@assay/contracts';

/** The largest archive the API takes ([A78]); a larger file is refused here before it is sent. */
export const PACK_MAX_BYTES = 20 * 1024 * 1024;

export type PackUploadResult =
  | { ok: true; imported: PackImportResponse }
  | { ok: false; status: number; message: string; issues: PackIssueView[] };

/**
 * Sends a pack archive to `POST /api/admin/packs/import` ([W25]). XMLHttpRequest rather than fetch: it
 * reports the upload's progress, and validation after it can take a while.
 */
export function uploadPack(file: File, onProgress: (sent: number, total: number) => void): Promise<PackUploadResult> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/admin/packs/import');
    request.setRequestHeader('content-type', 'application/zip');
    request.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    request.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = undefined;
      }
      if (request.status >= 200 && request.status < 300) {
        resolve({ ok: true, imported: body as PackImportResponse });
        return;
      }
      const error = (body as Partial<PackImportErrorResponse> | undefined)?.error;
      resolve({
        ok: false,
        status: request.status,
        message: error?.message ?? `The server answered ${request.status}. Try again in a moment.`,
        issues: error?.issues ?? [],
      });
    };
    request.onerror = () =>
      resolve({
        ok: false,
        status: 0,
        message: 'The connection to the server was lost during the upload. Check it and try again.',
        issues: [],
      });
    request.send(file);
  });
}
