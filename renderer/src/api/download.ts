/**
 * Browser mode: fetches a file the backend prepared and hands it to the browser as a download.
 * The URL carries no token; the request is authorised with the same headers as API calls.
 */
import type { Result } from '../../../shared/result';
import { authHeaders, failure, isResult } from './client';
import { reportAuthFailure } from './token';

async function refusal(response: Response): Promise<Result<never>> {
  if (response.status === 401) {
    reportAuthFailure();
    return failure('FORBIDDEN', 'The access token was refused.', { kind: 'auth' });
  }
  const text = await response.text();
  try {
    const body: unknown = JSON.parse(text);
    if (isResult(body) && !body.ok) return body;
  } catch {
    // Not an envelope: described by the status below.
  }
  if (response.status === 404 || response.status === 410)
    return failure('NOT_FOUND', `HTTP ${response.status}: the file is gone`);
  return failure('IO', `HTTP ${response.status}: ${text.slice(0, 200) || response.statusText}`);
}

/** Hands bytes made in the page (a chart picture) to the user as a download. */
export function saveBlob(blob: Blob, fileName: string): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can abort the download in some browsers.
  window.setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

export async function downloadFile(url: string, fileName: string): Promise<Result<null>> {
  try {
    const response = await fetch(url, { headers: authHeaders() });
    if (!response.ok) return await refusal(response);
    saveBlob(await response.blob(), fileName);
    return { ok: true, value: null };
  } catch (error) {
    return failure('IO', `download: ${error instanceof Error ? error.message : String(error)}`);
  }
}
