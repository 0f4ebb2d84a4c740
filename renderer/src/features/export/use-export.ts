/** Runs one export at a time for a page and keeps its state for the progress modal. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MessageKey } from '../../i18n/messages-zh';
import { type ExportRun, type ExportState, runExport, type StartExport } from './export-run';

export type ExportFormat = 'xlsx' | 'csv';

export interface ExportController {
  format: ExportFormat | null;
  /** The progress modal's title, with the format as {format} (“导出联系人为 Excel (.xlsx)”). */
  title: MessageKey;
  state: ExportState | null;
  begin: (format: ExportFormat, start: StartExport, title?: MessageKey) => void;
  cancel: () => void;
  deliverAgain: () => void;
  close: () => void;
}

export function useExport(): ExportController {
  const run = useRef<ExportRun | null>(null);
  const [format, setFormat] = useState<ExportFormat | null>(null);
  const [title, setTitle] = useState<MessageKey>('export.title');
  const [state, setState] = useState<ExportState | null>(null);

  // Leaving the page stops a running export, so no half-written file is left behind.
  useEffect(() => () => run.current?.dispose(), []);

  const begin = useCallback((next: ExportFormat, start: StartExport, heading?: MessageKey) => {
    run.current?.dispose();
    setFormat(next);
    setTitle(heading ?? 'export.title');
    run.current = runExport(start, setState);
  }, []);

  const close = useCallback(() => {
    run.current?.dispose();
    run.current = null;
    setFormat(null);
    setState(null);
  }, []);

  const cancel = useCallback(() => run.current?.cancel(), []);
  const deliverAgain = useCallback(() => run.current?.deliverAgain(), []);

  return { format, title, state, begin, cancel, deliverAgain, close };
}
