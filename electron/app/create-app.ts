/**
 * Composes one running Keyfleet backend: data folder, database (migrated, backed up), session,
 * job runner and the dispatch over every handler. Used by the Electron shell and by browser mode.
 */
import { migrationNotes } from '../db/migrator';
import fs from 'node:fs';
import path from 'node:path';
import { accountHandlers } from '../accounts/handlers';
import { contactHandlers } from '../contacts/handlers';
import { openDatabase, type OpenedDatabase } from '../db/open';
import { checkReferences } from '../db/references';
import { storageError } from '../db/storage-errors';
import { JobRunner, type WorkerEntry } from '../jobs/runner';
import { SessionStore, originOf, type Caller } from '../session/session';
import { authHandlers } from '../auth/handlers';
import { createGate } from '../auth/gate';
import { SignInThrottle } from '../auth/sign-in-throttle';
import { TeamSessions } from '../auth/team-sessions';
import { countStaff } from '../staff/service';
import { countAccounts } from '../accounts/repository';
import { staffHandlers } from '../staff/handlers';
import { createDispatch, type Dispatch, type Handlers } from '../transport/dispatch';
import type { ChooseFile, DeliverFile, Deps } from './deps';
import { exportHandlers, sweepExports } from '../exports/handlers';
import { FileShelf } from '../transport/file-shelf';
import type { EventsEndpoint, Upload } from '../transport/http';
import { EventHub } from '../events/hub';
import { publishBulk, publishJobChanges } from '../events/job-events';
import { publishingDispatch } from '../events/publish-writes';
import { serveEvents } from '../events/sse';
import { AppError, fail, ok } from '../../shared/result';
import { importHandlers } from '../imports/handlers';
import { sweepImportRuns } from '../imports/repository';
import { stageStream, sweepImports } from '../imports/staging';
import { appHandlers } from './handlers';
import { auditHandlers } from '../audit/handlers';
import { demoHandlers } from '../demo/handlers';
import { jobHandlers } from '../jobs/handlers';
import { prefHandlers } from '../prefs/handlers';
import { activityHandlers } from '../activities/handlers';
import { kpiHandlers } from '../kpi/handlers';
import { valueHandlers } from '../value/handlers';
import { calendarHandlers } from '../calendar/handlers';
import { myDayHandlers } from '../my-day/handlers';
import { reminderHandlers } from '../reminders/handlers';
import { contractHandlers } from '../contracts/handlers';
import { contractNumberingHandlers } from '../contracts/numbering-handlers';
import { followUpHandlers } from '../follow-ups/handlers';
import { priceHandlers } from '../prices/handlers';
import { opportunityHandlers } from '../opportunities/handlers';
import { settingsHandlers } from '../settings/handlers';
import { tenderHandlers } from '../tenders/handlers';
import { paymentHandlers } from '../payments/handlers';
import { claimHandlers } from '../claims/handlers';
import { scheduleClaimSweep, sweepClaims } from '../claims/sweep';
import { documentHandlers } from '../documents/handlers';
import { filingHandlers } from '../filings/handlers';
import { reportHandlers } from '../reports/handlers';
import { reviewHandlers } from '../reviews/handlers';
import { backupHandlers, type BackupHandlerOptions } from '../backups/handlers';
import { METHOD_NAMES, type MethodName } from '../../shared/api';
import { backupDir, rotationFor } from '../backups/records';
import { applyPendingRestore } from '../backups/restore';
import { businessClock, type Clock } from '../../shared/clock';
import type { RestoreOutcome } from '../../shared/schemas/backups';
import { type BackupSchedule, type BackupScheduler, scheduleBackups } from '../backups/schedule';

interface AppOptions {
  /** How finished files reach the user; default: offered for download over HTTP (browser mode). */
  deliverFile?: DeliverFile;
  /** Electron's open dialog for imports; browser mode uploads over HTTP instead. */
  chooseFile?: ChooseFile;
  dataDir: string;
  /** `team`: a team server (passwords, session tokens); the others serve one person (solo). */
  mode: 'electron' | 'browser' | 'team';
  worker: WorkerEntry;
  /** The time services take (default: the business clock); tests hand in a settable one. */
  clock?: Clock;
  version?: string;
  nativeBinding?: string | undefined;
  validateOutput?: boolean;
  log?: (message: string) => void;
  /** How often claims past their protection are recorded as expired (default: ten minutes). */
  claimSweepIntervalMs?: number;
  /**
   * `daily`: take a verified online backup into <dataDir>/backups when the last scheduled one is
   * a day old, at start and then on a timer, and one more when the app closes. Off unless asked
   * for (the Electron app and `npm run serve` ask; tests mostly do not).
   */
  backups?: BackupSchedule & { daily: boolean };
  /**
   * Closes this app and creates it again on the same data folder (the host's part): a restore
   * staged in settings is applied by that reopening. Absent: it applies at the next start.
   */
  reopen?: () => void;
  /** The download shelf, kept by a host that reopens the app. */
  files?: FileShelf;
}

export interface App {
  dispatch: Dispatch;
  /** Files offered for download in browser mode (served by the HTTP binding). */
  files: FileShelf;
  /** Stages a browser-mode upload for import (signed-in users only). */
  upload: Upload;
  /** Every successful write, as a change event for the live streams. */
  hub: EventHub;
  /** `GET /api/events` for the HTTP binding: the signed-in user's live stream. */
  events: EventsEndpoint;
  deps: Deps;
  database: OpenedDatabase;
  dbFile: string;
  /** The daily backup, when `backups.daily` was asked for. */
  backups: BackupScheduler | null;
  /** The restore applied as this app opened the data, if one was staged. */
  restored: RestoreOutcome | null;
  close(): Promise<void>;
}

/** What the host settles beyond `deps` for the handlers that need it (today the backups'). */
export type HostOptions = BackupHandlerOptions;

type HandlersFactory = (deps: Deps, host: HostOptions) => Partial<Handlers>;
type NamespaceOf<M> = M extends `${infer N}.${string}` ? N : never;
/** The part of a method's name before the dot: `followUps` of `followUps.list`. */
export type Namespace = NamespaceOf<MethodName>;

/**
 * Every namespace of the contract and the handlers that serve it, each from its own folder:
 * `x.y` is served from electron/<x in kebab-case>/ (`followUps` → follow-ups/), by that folder's
 * handlers module(s). test/unit/namespaces.test.ts holds every method to it.
 */
export const NAMESPACE_HANDLERS = {
  accounts: [accountHandlers],
  activities: [activityHandlers],
  app: [appHandlers],
  audit: [auditHandlers],
  auth: [authHandlers],
  backups: [backupHandlers],
  calendar: [calendarHandlers],
  claims: [claimHandlers],
  contacts: [contactHandlers],
  contracts: [contractHandlers, contractNumberingHandlers],
  demo: [demoHandlers],
  documents: [documentHandlers],
  exports: [exportHandlers],
  filings: [filingHandlers],
  followUps: [followUpHandlers],
  imports: [importHandlers],
  jobs: [jobHandlers],
  kpi: [kpiHandlers],
  myDay: [myDayHandlers],
  opportunities: [opportunityHandlers],
  payments: [paymentHandlers],
  prefs: [prefHandlers],
  prices: [priceHandlers],
  reminders: [reminderHandlers],
  reports: [reportHandlers],
  reviews: [reviewHandlers],
  settings: [settingsHandlers],
  staff: [staffHandlers],
  tenders: [tenderHandlers],
  value: [valueHandlers],
} as const satisfies { [N in Namespace]: readonly HandlersFactory[] };

type ServedBy<F> = F extends (...args: never[]) => infer R ? keyof R : never;
/** Methods of the contract no registered handler serves: `never` (the namespace test checks it). */
export type UnservedMethods = Exclude<
  MethodName,
  ServedBy<(typeof NAMESPACE_HANDLERS)[Namespace][number]>
>;

function servesAll(served: Partial<Handlers>): served is Handlers {
  return METHOD_NAMES.every((method) => served[method] !== undefined);
}

/** The handlers of every namespace, as one table for the dispatch. */
function serveEveryMethod(deps: Deps, host: HostOptions): Handlers {
  const served: Partial<Handlers> = {};
  for (const factories of Object.values(NAMESPACE_HANDLERS))
    for (const factory of factories) Object.assign(served, factory(deps, host));
  if (!servesAll(served))
    throw new Error(`no handler for ${METHOD_NAMES.filter((m) => !served[m]).join(', ')}`);
  return served;
}

export const DB_FILE_NAME = 'keyfleet.sqlite';
const UI_BUSY_TIMEOUT_MS = 250;

/** `--demo`: fill an empty database before anyone sees it (the job still runs off this thread). */
export async function loadDemoIfEmpty(app: App, accounts: number): Promise<string | null> {
  if ((await countAccounts(app.deps.db)) > 0) return null;
  const job = await app.deps.jobs.wait(app.deps.jobs.start('demo.load', { accounts }, null).id);
  if (job.state !== 'done') throw new Error(`demo data: ${job.error?.message ?? job.state}`);
  return job.message;
}

export async function createApp(options: AppOptions): Promise<App> {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const dbFile = path.join(options.dataDir, DB_FILE_NAME);
  const rotation = rotationFor(options.mode === 'team');
  // A restore staged in settings (or by `serve --restore`) swaps the file before it opens.
  const clock = options.clock ?? businessClock;
  const restored = await applyPendingRestore(dbFile, {
    clock,
    nativeBinding: options.nativeBinding,
    rotation,
  });
  if (restored)
    options.log?.(
      `restored ${restored.source} (taken ${restored.takenAt ?? '?'}, audit head #${restored.auditHead?.id ?? '-'}, ${JSON.stringify(restored.counts)}); the data it replaced: ${restored.safetyBackup ?? 'none'}`,
    );
  const database = await openDatabase({
    file: dbFile,
    backupDir: backupDir(options.dataDir),
    nativeBinding: options.nativeBinding,
    // This connection answers the UI: never freeze it for long behind a job's write transaction;
    // a write that cannot get the lock quickly is answered CONFLICT 'busy' instead.
    busyTimeoutMs: UI_BUSY_TIMEOUT_MS,
  });
  if (database.backupFile) options.log?.(`backup before migration: ${database.backupFile}`);
  for (const note of await migrationNotes(database.db))
    if (database.migrated.includes(note.migration))
      options.log?.(`upgrade ${note.migration}: ${note.code} ${JSON.stringify(note.params)}`);

  sweepExports(options.dataDir);
  sweepImports(options.dataDir);
  await sweepImportRuns(database.db, clock);
  // Claims' expiry is written here and by the timer below, never by a read.
  await sweepClaims(database.db, clock, { reconcile: true });
  const hub = new EventHub();
  const claimSweeper = scheduleClaimSweep(database.db, clock, {
    intervalMs: options.claimSweepIntervalMs,
    log: options.log,
    onSwept: () => publishBulk(hub, 'claims', null),
  });
  const files = options.files ?? new FileShelf();
  const deliverFile: DeliverFile =
    options.deliverFile ??
    (async (file, fileName, ownerId) => ({
      kind: 'download',
      url: `/api/files/${files.put({ path: file, fileName, ownerId })}`,
      fileName,
    }));
  const team = options.mode === 'team' ? new TeamSessions() : null;
  const deps: Deps = {
    deliverFile,
    chooseFile: options.chooseFile,
    exportFiles: new Map(),
    db: database.db,
    sessions: team ?? new SessionStore(),
    team,
    throttle: new SignInThrottle(),
    clock,
    jobs: new JobRunner(options.worker, dbFile, clock, options.nativeBinding),
    mode: options.mode,
    dataDir: options.dataDir,
    version: options.version ?? '0.1.0',
    nativeBinding: options.nativeBinding,
    backupRotation: rotation,
  };
  const handlers = serveEveryMethod(deps, {
    nativeBinding: options.nativeBinding,
    daily: options.backups?.daily ?? false,
    rotation,
    reopen: options.reopen,
  });
  const dispatch = publishingDispatch(
    createDispatch(handlers, deps.sessions, {
      validateOutput: options.validateOutput ?? false,
      gate: createGate({
        firstRun: async () => !team && (await countStaff(database.db)) === 0,
      }),
      checkReferences: (method, input) => checkReferences(database.db, method, input),
      onInternalError: (method, error) =>
        options.log?.(
          `internal error in ${method}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        ),
    }),
    hub,
    database.db,
    deps.sessions,
    {
      onError: (method, error) =>
        options.log?.(`live event for ${method} not published: ${String(error)}`),
    },
  );
  const stopJobEvents = publishJobChanges(deps.jobs, hub);
  const events: EventsEndpoint = (req, res, caller) =>
    serveEvents(req, res, deps.sessions.resolve(caller), hub, { clientId: originOf(caller) });
  const upload: Upload = async (body, fileName, caller: Caller) => {
    try {
      deps.sessions.resolve(caller).requireUser();
      return ok(await stageStream(options.dataDir, body, fileName));
    } catch (thrown) {
      const error = thrown instanceof AppError ? thrown : storageError(thrown);
      if (error) return fail(error.code, error.message, error.details);
      return fail('IO', `the upload failed: ${String(thrown)}`);
    }
  };
  const backups = options.backups?.daily
    ? scheduleBackups(deps.jobs, {
        now: () => clock.now(),
        ...options.backups,
        dir: backupDir(options.dataDir),
        nativeBinding: options.nativeBinding,
        rotation,
        log: options.log,
      })
    : null;
  return {
    dispatch,
    files,
    upload,
    hub,
    events,
    deps,
    database,
    dbFile,
    backups,
    restored,
    async close() {
      stopJobEvents();
      await backups?.stop();
      await claimSweeper.stop();
      await deps.jobs.stopAll();
      // The day's work is in a backup when the app quits (rotation keeps the newest of the day).
      if (backups) await backups.atQuit(database.sqlite);
      await database.close();
    },
  };
}
