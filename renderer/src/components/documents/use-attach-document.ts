/**
 * Attaching one evidence document: the file is staged first (POST /api/upload in a browser, the
 * system file dialog in Electron), then kept as evidence of the claim or filing (copied, hashed).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentKind } from '../../../../shared/filing-enums';
import type { ApiError } from '../../../../shared/result';
import type { DocumentEntity, StoredDocument } from '../../../../shared/schemas/documents';
import type { StagedFile } from '../../../../shared/schemas/imports';
import { call } from '../../api/client';
import { type Upload, uploadFile } from '../../api/upload';

export type AttachStep =
  | { step: 'uploading'; fileName: string; loaded: number; total: number }
  | { step: 'saving'; fileName: string };

export interface AttachDocument {
  /** What is under way; null when idle. */
  progress: AttachStep | null;
  error: ApiError | null;
  busy: boolean;
  /** Browser mode: send a file the user picked. */
  send: (file: File, kind: DocumentKind) => void;
  /** Electron: ask for a file with the system dialog. */
  choose: (kind: DocumentKind) => void;
  abort: () => void;
  clearError: () => void;
}

export function useAttachDocument(
  entity: DocumentEntity,
  entityId: number,
  onAttached: (doc: StoredDocument) => void,
): AttachDocument {
  const [progress, setProgress] = useState<AttachStep | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const sending = useRef<Upload | null>(null);
  const live = useRef(true);

  // A dialog closed mid-upload stops sending; nothing is reported into an unmounted view.
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
      sending.current?.abort();
    };
  }, []);

  const keep = useCallback(
    async (staged: StagedFile, kind: DocumentKind) => {
      setProgress({ step: 'saving', fileName: staged.fileName });
      const r = await call('documents.attach', {
        fileId: staged.fileId,
        entity,
        entityId,
        kind,
        note: null,
      });
      if (!live.current) return;
      setProgress(null);
      if (r.ok) onAttached(r.value);
      else setError(r.error);
    },
    [entity, entityId, onAttached],
  );

  const send = useCallback(
    (file: File, kind: DocumentKind) => {
      sending.current?.abort();
      setError(null);
      setProgress({ step: 'uploading', fileName: file.name, loaded: 0, total: file.size });
      const current = uploadFile(file, (loaded, total) => {
        if (live.current && sending.current === current)
          setProgress({ step: 'uploading', fileName: file.name, loaded, total });
      });
      sending.current = current;
      void current.done.then((r) => {
        if (!live.current || sending.current !== current) return;
        sending.current = null;
        if (!r.ok) {
          setProgress(null);
          setError(r.error);
        } else if (r.value) void keep(r.value, kind);
        else setProgress(null);
      });
    },
    [keep],
  );

  const choose = useCallback(
    (kind: DocumentKind) => {
      setError(null);
      void call('documents.choose', {}).then((r) => {
        if (!live.current) return;
        if (!r.ok) setError(r.error);
        else if (r.value) void keep(r.value, kind);
      });
    },
    [keep],
  );

  const abort = useCallback(() => {
    sending.current?.abort();
    sending.current = null;
    setProgress(null);
  }, []);

  const clearError = useCallback(() => setError(null), []);

  return { progress, error, busy: progress !== null, send, choose, abort, clearError };
}
