/**
 * The import wizard's state: what is imported (accounts or contacts), the staged file and what
 * inspecting it found, the chosen sheet, header row and column mapping, and the dry-run and commit
 * jobs. A dry run is only valid for the mapping it ran with, so any change to sheet, header row or
 * mapping discards it; a change of target re-reads the file, since the header row is found by the
 * target's column names.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ApiError } from '../../../../shared/result';
import type {
  ImportField,
  ImportSummary,
  ImportTarget,
  Inspection,
  SavedMapping,
  SheetInspection,
  StagedFile,
  TextEncoding,
} from '../../../../shared/schemas/imports';
import { call } from '../../api/client';
import { type Upload, uploadFile } from '../../api/upload';
import type { MessageKey } from '../../i18n/messages-zh';
import { applySavedMapping, assignField, guessColumns, type MappedColumn } from './column-mapping';
import { isActive, type JobRun, type JobRunState, runJob } from './import-run';
import { missingRequired } from './import-targets';

export const WIZARD_STEPS = ['file', 'sheet', 'mapping', 'dryRun', 'commit'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];
export type ImportPolicy = 'allOrNothing' | 'validOnly';

export interface UploadProgress {
  fileName: string;
  loaded: number;
  total: number;
}

export interface ImportWizard {
  step: WizardStep;
  goTo: (step: WizardStep) => void;

  target: ImportTarget;
  /** What this wizard may import (the accounts page: accounts or contacts; tenders: tenders). */
  targets: readonly ImportTarget[];
  /** Chooses what is imported; a file already read is read again for the new target. */
  setTarget: (target: ImportTarget) => void;

  /** Browser mode: the file being sent; null otherwise. */
  upload: UploadProgress | null;
  /** Choosing, uploading or staging the file failed. */
  fileError: ApiError | null;
  staged: StagedFile | null;
  inspect: JobRunState<Inspection> | null;
  inspection: Inspection | null;
  /** Electron: the open dialog. */
  chooseFile: () => void;
  /** Browser mode: a file from the file input or a drop. */
  sendFile: (file: File) => void;
  cancelFile: () => void;
  /** Reads a CSV or HTML file again in another encoding (the preview, then the import, use it). */
  setEncoding: (encoding: TextEncoding) => void;

  sheet: SheetInspection | null;
  selectSheet: (name: string) => void;
  headerRow: number | null;
  selectHeaderRow: (row: number) => void;

  columns: MappedColumn[];
  mapColumn: (index: number, field: ImportField | null) => void;
  /** Applies a saved mapping; false when none of its headers is in this file. */
  applyMapping: (mapping: SavedMapping) => boolean;
  appliedMappingId: number | null;
  /** What the mapping still lacks for the target (“map a column to 客户名称”), or null. */
  missing: MessageKey | null;

  policy: ImportPolicy;
  setPolicy: (policy: ImportPolicy) => void;
  dryRun: JobRunState<ImportSummary> | null;
  startDryRun: () => void;
  commit: JobRunState<ImportSummary> | null;
  startCommit: () => void;
  /** Cancels whichever job is running. */
  cancelJob: () => void;
  /** A job runs whose result the wizard waits for (closing would lose it). */
  busy: boolean;
}

function firstSheet(inspection: Inspection): SheetInspection | null {
  return inspection.sheets.find((s) => s.headerRow !== null) ?? inspection.sheets[0] ?? null;
}

/** `onCommitted`: rows were written, so whatever shows accounts reloads. */
export function useImportWizard(options: {
  onCommitted: () => void;
  targets: readonly ImportTarget[];
}): ImportWizard {
  const [step, setStep] = useState<WizardStep>('file');
  const [target, setTargetState] = useState<ImportTarget>(options.targets[0] ?? 'accounts');
  const [upload, setUpload] = useState<UploadProgress | null>(null);
  const [fileError, setFileError] = useState<ApiError | null>(null);
  const [staged, setStaged] = useState<StagedFile | null>(null);
  const [inspect, setInspect] = useState<JobRunState<Inspection> | null>(null);
  const [inspection, setInspection] = useState<Inspection | null>(null);
  const [sheetName, setSheetName] = useState<string | null>(null);
  const [headerRow, setHeaderRow] = useState<number | null>(null);
  const [columns, setColumns] = useState<MappedColumn[]>([]);
  const [appliedMappingId, setAppliedMappingId] = useState<number | null>(null);
  const [policy, setPolicy] = useState<ImportPolicy>('allOrNothing');
  const [dryRun, setDryRun] = useState<JobRunState<ImportSummary> | null>(null);
  const [commit, setCommit] = useState<JobRunState<ImportSummary> | null>(null);

  const sending = useRef<Upload | null>(null);
  const inspectRun = useRef<JobRun | null>(null);
  const importRun = useRef<JobRun | null>(null);
  const onCommitted = useRef(options.onCommitted);
  useEffect(() => {
    onCommitted.current = options.onCommitted;
  });

  // Closing the wizard stops what it started; an unfinished import job rolls back.
  useEffect(
    () => () => {
      sending.current?.abort();
      inspectRun.current?.dispose();
      importRun.current?.dispose();
    },
    [],
  );

  const sheet = useMemo(
    () => inspection?.sheets.find((s) => s.name === sheetName) ?? null,
    [inspection, sheetName],
  );

  /** Anything the dry run depended on changed: its result no longer applies. */
  const forgetRuns = useCallback(() => {
    importRun.current?.dispose();
    importRun.current = null;
    setDryRun(null);
    setCommit(null);
  }, []);

  /** `as`: the target the file was read for (columns are guessed with its synonyms). */
  const showSheet = useCallback(
    (next: SheetInspection | null, as: ImportTarget) => {
      forgetRuns();
      setSheetName(next?.name ?? null);
      setHeaderRow(next?.headerRow ?? null);
      setColumns(next && next.headerRow !== null ? guessColumns(as, next, next.headerRow) : []);
      setAppliedMappingId(null);
    },
    [forgetRuns],
  );

  /** `encoding`: the user's choice for a text file; null reads it in the detected encoding. */
  const inspectFile = useCallback(
    (file: StagedFile, as: ImportTarget = target, encoding: TextEncoding | null = null) => {
      setStaged(file);
      inspectRun.current?.dispose();
      inspectRun.current = runJob(
        () => call('imports.inspect', { fileId: file.fileId, target: as, encoding }),
        (jobId) => call('imports.inspection', { jobId }),
        (state) => {
          setInspect(state);
          if (state.step !== 'done') return;
          setInspection(state.value);
          showSheet(firstSheet(state.value), as);
          setStep('sheet');
        },
      );
    },
    [showSheet, target],
  );

  /** A new file replaces everything learnt from the previous one. */
  const resetFile = useCallback(() => {
    sending.current?.abort();
    sending.current = null;
    inspectRun.current?.dispose();
    inspectRun.current = null;
    setUpload(null);
    setFileError(null);
    setStaged(null);
    setInspect(null);
    setInspection(null);
    showSheet(null, target);
  }, [showSheet, target]);

  const chooseFile = useCallback(() => {
    resetFile();
    void call('imports.choose', {}).then((r) => {
      if (!r.ok) setFileError(r.error);
      else if (r.value) inspectFile(r.value);
    });
  }, [inspectFile, resetFile]);

  const sendFile = useCallback(
    (file: File) => {
      resetFile();
      setUpload({ fileName: file.name, loaded: 0, total: file.size });
      const current = uploadFile(file, (loaded, total) =>
        setUpload({ fileName: file.name, loaded, total }),
      );
      sending.current = current;
      void current.done.then((r) => {
        if (sending.current !== current) return;
        sending.current = null;
        setUpload(null);
        if (!r.ok) setFileError(r.error);
        else if (r.value) inspectFile(r.value);
      });
    },
    [inspectFile, resetFile],
  );

  const selectSheet = useCallback(
    (name: string) => showSheet(inspection?.sheets.find((s) => s.name === name) ?? null, target),
    [inspection, showSheet, target],
  );

  const selectHeaderRow = useCallback(
    (row: number) => {
      if (!sheet || row === headerRow) return;
      forgetRuns();
      setHeaderRow(row);
      setColumns(guessColumns(target, sheet, row));
      setAppliedMappingId(null);
    },
    [forgetRuns, headerRow, sheet, target],
  );

  const setTarget = useCallback(
    (next: ImportTarget) => {
      if (next === target) return;
      setTargetState(next);
      // The header row and mapping were found with the other target's column names.
      if (staged && !sending.current) {
        setInspection(null);
        showSheet(null, next);
        inspectFile(staged, next, inspection?.encoding ?? null);
      }
    },
    [inspectFile, inspection, showSheet, staged, target],
  );

  const setEncoding = useCallback(
    (encoding: TextEncoding) => {
      if (!staged || sending.current || encoding === inspection?.encoding) return;
      inspectFile(staged, target, encoding);
    },
    [inspectFile, inspection, staged, target],
  );

  const mapColumn = useCallback(
    (index: number, field: ImportField | null) => {
      forgetRuns();
      setColumns((current) => assignField(current, index, field));
    },
    [forgetRuns],
  );

  const applyMapping = useCallback(
    (mapping: SavedMapping) => {
      const applied = applySavedMapping(columns, mapping);
      if (applied.matched === 0) return false;
      forgetRuns();
      setColumns(applied.columns);
      setAppliedMappingId(mapping.id);
      return true;
    },
    [columns, forgetRuns],
  );

  const startImport = useCallback(
    (mode: 'dryRun' | 'commit') => {
      if (!staged || !sheet || headerRow === null) return;
      const input = {
        target,
        fileId: staged.fileId,
        sheet: sheet.name,
        // The import reads the file in the encoding its preview was read in.
        encoding: inspection?.encoding ?? null,
        headerRow,
        columns: columns.map((c) => ({ index: c.index, field: c.field })),
        mode,
        policy,
      };
      const setState = mode === 'dryRun' ? setDryRun : setCommit;
      importRun.current?.dispose();
      importRun.current = runJob(
        () => call('imports.run', input),
        (jobId) => call('imports.summary', { jobId }),
        (state) => {
          setState(state);
          if (state.step === 'done' && state.value.committed) onCommitted.current();
        },
      );
    },
    [columns, headerRow, inspection, policy, sheet, staged, target],
  );

  const startDryRun = useCallback(() => {
    setCommit(null);
    setStep('dryRun');
    startImport('dryRun');
  }, [startImport]);

  const startCommit = useCallback(() => startImport('commit'), [startImport]);

  const cancelJob = useCallback(() => {
    if (sending.current) sending.current.abort();
    inspectRun.current?.cancel();
    importRun.current?.cancel();
  }, []);

  return {
    targets: options.targets,
    step,
    goTo: setStep,
    target,
    setTarget,
    upload,
    fileError,
    staged,
    inspect,
    inspection,
    chooseFile,
    sendFile,
    cancelFile: resetFile,
    setEncoding,
    sheet,
    selectSheet,
    headerRow,
    selectHeaderRow,
    columns,
    mapColumn,
    applyMapping,
    appliedMappingId,
    missing: missingRequired(
      target,
      columns.map((c) => c.field),
    ),
    policy,
    setPolicy,
    dryRun,
    startDryRun,
    commit,
    startCommit,
    cancelJob,
    busy: upload !== null || isActive(inspect) || isActive(dryRun) || isActive(commit),
  };
}
