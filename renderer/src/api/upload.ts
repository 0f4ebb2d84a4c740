/**
 * Browser mode: sends a file the user picked to the backend, which stages it for an import.
 * XMLHttpRequest rather than fetch because only it reports upload progress. The raw bytes go as
 * the body (no multipart), with the same token and session headers as API calls.
 */
import type { Result } from '../../../shared/result';
import { type StagedFile, stagedFile } from '../../../shared/schemas/imports';
import { authHeaders, failure, isResult } from './client';
import { reportAuthFailure } from './token';

export interface Upload {
  /** The staged file; null when the upload was aborted. Never rejects. */
  done: Promise<Result<StagedFile | null>>;
  abort(): void;
}

function answerOf(xhr: XMLHttpRequest): Result<StagedFile> {
  if (xhr.status === 401) {
    reportAuthFailure();
    return failure('FORBIDDEN', 'The access token was refused.', { kind: 'auth' });
  }
  let body: unknown;
  try {
    body = JSON.parse(xhr.responseText);
  } catch {
    // A proxy or size limit that answered without the envelope: described by the status below.
  }
  if (isResult(body)) {
    if (!body.ok) return body;
    const parsed = stagedFile.safeParse(body.value);
    return parsed.success
      ? { ok: true, value: parsed.data }
      : failure('INTERNAL', 'upload: the answer is not a staged file');
  }
  if (xhr.status === 413)
    return failure('VALIDATION', `HTTP 413: the file is too large`, { kind: 'file_too_large' });
  return failure('IO', `HTTP ${xhr.status}: ${xhr.responseText.slice(0, 200) || xhr.statusText}`);
}

export function uploadFile(
  file: File,
  onProgress: (loaded: number, total: number) => void,
): Upload {
  const xhr = new XMLHttpRequest();
  const done = new Promise<Result<StagedFile | null>>((resolve) => {
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => resolve(answerOf(xhr));
    xhr.onerror = () => resolve(failure('IO', 'upload: the connection failed'));
    xhr.onabort = () => resolve({ ok: true, value: null });
    try {
      xhr.open('POST', `/api/upload?name=${encodeURIComponent(file.name)}`);
      for (const [name, value] of Object.entries(authHeaders())) xhr.setRequestHeader(name, value);
      xhr.setRequestHeader('Content-Type', 'application/octet-stream');
      xhr.send(file);
    } catch (error) {
      resolve(failure('IO', `upload: ${error instanceof Error ? error.message : String(error)}`));
    }
  });
  return { done, abort: () => xhr.abort() };
}
