/**
 * What the Electron app opens, decided without Electron: this computer's database, the chooser,
 * a pinned team server, or the warning that the pinned server's certificate changed. The shell
 * (electron/main) supplies the few actions that need Electron and forwards the connection
 * screen's calls and every certificate Chromium verifies; all decisions are made here, so they
 * are tested in Node with a fake shell.
 */
import { nowIso } from '../../shared/clock';
import { AppError, fail, ok, type Result } from '../../shared/result';
import {
  type ChoiceInput,
  choiceInput,
  type ConnectionOperation,
  type ConnectionStatus,
  type ProbedServer,
  type ProbeProblem,
  probeInput,
  type StoredChoice,
  type TeamChoice,
} from '../../shared/schemas/connection';
import { type ChoiceRead, readChoice, writeChoice } from './choice-store';
import { verifyPinned, verifyProcCode } from './pinning';
import { probeServer } from './probe';
import { parseServerUrl } from './server-address';

/** The Electron side: each action leaves the window showing what it names. */
export interface ConnectionShell {
  /** Opens this computer's database (if not open), binds IPC and loads the app's page. */
  openSolo(): Promise<void>;
  /** Closes this computer's database and unbinds IPC, if open. */
  closeSolo(): Promise<void>;
  /** Loads the pinned server's origin in the window. */
  openTeam(choice: TeamChoice): Promise<void>;
  /** Loads the app's own page, which asks for the status and shows the chooser or a warning. */
  showConnectionScreen(): Promise<void>;
  /**
   * Starts the app again. Chromium caches certificate verdicts for the whole run, so a new pin
   * for a server already verified this run takes effect only in a fresh process.
   */
  relaunch(): void;
}

interface ConnectionDeps {
  /** Where the choice is kept (Electron's userData). */
  userDataDir: string;
  /** A --data-dir or KEYFLEET_DATA_DIR names the database folder: solo, no chooser. */
  fixedDataDir: boolean;
  shell: ConnectionShell;
  probe?: (url: string) => Promise<ProbedServer>;
  /** A transition that failed (the database would not open …): the shell ends the app. */
  onFatal: (error: unknown) => void;
  log?: (message: string) => void;
}

type StartDecision =
  | { open: 'solo'; switchable: boolean }
  | { open: 'chooser'; reason: 'first_run' | 'corrupt' }
  | { open: 'team'; choice: TeamChoice };

/** At start: a fixed data folder means solo; else the stored choice, or the chooser. */
export function decideStart(fixedDataDir: boolean, read: ChoiceRead): StartDecision {
  if (fixedDataDir) return { open: 'solo', switchable: false };
  if (read.kind === 'none') return { open: 'chooser', reason: 'first_run' };
  if (read.kind === 'corrupt') return { open: 'chooser', reason: 'corrupt' };
  if (read.choice.mode === 'solo') return { open: 'solo', switchable: true };
  return { open: 'team', choice: read.choice };
}

type TeamDecision =
  | { open: 'team' }
  | { open: 'certificate_changed'; pinned: string; seen: string }
  | { open: 'unreachable'; problem: ProbeProblem };

/** Before loading a pinned server: what it presents now decides whether it is loaded at all. */
export function decideTeam(
  choice: TeamChoice,
  look: { ok: true; server: ProbedServer } | { ok: false; problem: ProbeProblem },
): TeamDecision {
  if (!look.ok) return { open: 'unreachable', problem: look.problem };
  return look.server.fingerprint === choice.fingerprint
    ? { open: 'team' }
    : { open: 'certificate_changed', pinned: choice.fingerprint, seen: look.server.fingerprint };
}

function problemOf(error: unknown): ProbeProblem {
  const kind =
    error instanceof AppError && typeof error.details === 'object' && error.details !== null
      ? (error.details as { kind?: unknown }).kind
      : undefined;
  return kind === 'bad_url' || kind === 'not_https' || kind === 'no_tls' || kind === 'not_keyfleet'
    ? kind
    : 'unreachable';
}

export class ConnectionController {
  private status: ConnectionStatus = { state: 'choose', reason: 'first_run', current: null };
  /** The pin in force for certificate checks: the stored team choice, whatever is shown. */
  private pin: TeamChoice | null = null;
  /** The last server the user looked at: only its fingerprint can be pinned. */
  private lastProbe: ProbedServer | null = null;
  private pending: Promise<void> = Promise.resolve();
  /** Chromium has verified a pinned server's certificate this run (and cached the verdict). */
  private verdictCached = false;
  private readonly probe: (url: string) => Promise<ProbedServer>;

  constructor(private readonly deps: ConnectionDeps) {
    this.probe = deps.probe ?? ((url) => probeServer(url));
  }

  current(): ConnectionStatus {
    return this.status;
  }

  /** The origin the window may navigate within (team mode only). */
  teamOrigin(): string | null {
    return this.status.state === 'team' ? this.status.url : null;
  }

  /** Decides and opens what the app shows at start. */
  async start(): Promise<void> {
    const decision = decideStart(
      this.deps.fixedDataDir,
      this.deps.fixedDataDir ? { kind: 'none' } : readChoice(this.deps.userDataDir),
    );
    if (decision.open === 'solo') {
      this.pin = null;
      this.status = { state: 'solo', switchable: decision.switchable };
      await this.deps.shell.openSolo();
    } else if (decision.open === 'chooser') {
      this.pin = null;
      this.status = { state: 'choose', reason: decision.reason, current: null };
      await this.deps.shell.showConnectionScreen();
    } else {
      await this.connectTeam(decision.choice);
    }
  }

  private async connectTeam(choice: TeamChoice): Promise<void> {
    this.pin = choice;
    let look: Parameters<typeof decideTeam>[1];
    try {
      look = { ok: true, server: await this.probe(choice.url) };
    } catch (error) {
      this.deps.log?.(`team server ${choice.url}: ${(error as Error).message}`);
      look = { ok: false, problem: problemOf(error) };
    }
    const decision = decideTeam(choice, look);
    if (decision.open === 'team') {
      this.status = { state: 'team', url: choice.url };
      await this.openTeamWindow(choice);
      return;
    }
    this.status =
      decision.open === 'certificate_changed'
        ? {
            state: 'certificate_changed',
            url: choice.url,
            pinned: decision.pinned,
            seen: decision.seen,
            pinnedAt: choice.pinnedAt,
          }
        : { state: 'unreachable', url: choice.url, problem: decision.problem };
    await this.deps.shell.closeSolo();
    await this.deps.shell.showConnectionScreen();
  }

  /** Loads the server; if it fails to load while still the chosen one, says it is unreachable. */
  private async openTeamWindow(choice: TeamChoice): Promise<void> {
    await this.deps.shell.closeSolo();
    try {
      await this.deps.shell.openTeam(choice);
    } catch (error) {
      // A load cut short by a certificate refusal already shows the warning instead.
      if (this.status.state !== 'team' || this.status.url !== choice.url) return;
      this.deps.log?.(`team server ${choice.url}: ${(error as Error).message}`);
      this.status = { state: 'unreachable', url: choice.url, problem: 'unreachable' };
      await this.deps.shell.showConnectionScreen();
    }
  }

  /**
   * Every certificate Chromium verifies: the pinned host must present the pinned certificate.
   * A changed one is refused and, while the server is open, the window shows the warning.
   */
  verifyCertificate(hostname: string, fingerprint: string): 0 | -2 | -3 {
    const verdict = verifyPinned(hostname, fingerprint, this.pin);
    if (verdict.verdict !== 'not_pinned') this.verdictCached = true;
    if (verdict.verdict === 'changed' && this.status.state === 'team' && this.pin) {
      this.deps.log?.(`team server ${this.pin.url}: certificate changed, refused`);
      this.status = {
        state: 'certificate_changed',
        url: this.pin.url,
        pinned: verdict.pinned,
        seen: verdict.seen,
        pinnedAt: this.pin.pinnedAt,
      };
      this.transition(() => this.deps.shell.showConnectionScreen());
    }
    return verifyProcCode(verdict);
  }

  /** Runs a window change after the current call has answered; failures end the app. */
  private transition(step: () => Promise<void>): void {
    this.pending = this.pending.then(step).catch((error: unknown) => this.deps.onFatal(error));
  }

  /** Resolves when the window changes asked for so far are done (tests; the shell at exit). */
  settled(): Promise<void> {
    return this.pending;
  }

  /** The connection screen's calls, validated here: whatever the page sends is untrusted. */
  async handle(operation: ConnectionOperation, input: unknown): Promise<Result<unknown>> {
    try {
      switch (operation) {
        case 'get':
          return ok(this.status);
        case 'probe':
          return ok(await this.probeFor(input));
        case 'choose':
          this.choose(input);
          return ok(null);
        case 'reset':
          this.reset();
          return ok(null);
        case 'resume':
          this.resume();
          return ok(null);
      }
    } catch (error) {
      if (error instanceof AppError) return fail(error.code, error.message, error.details);
      return fail('INTERNAL', error instanceof Error ? error.message : String(error));
    }
  }

  private async probeFor(input: unknown): Promise<ProbedServer> {
    const parsed = probeInput.safeParse(input);
    if (!parsed.success)
      throw new AppError('VALIDATION', 'say the server address', { kind: 'bad_url' });
    this.lastProbe = null;
    const server = await this.probe(parsed.data.url);
    this.lastProbe = server;
    return server;
  }

  private refuseWhenFixed(): void {
    if (this.deps.fixedDataDir)
      throw new AppError('FORBIDDEN', 'started with a data folder: works on this computer only', {
        kind: 'fixed_data_dir',
      });
  }

  /** Remembers the choice and opens it. A server is pinned only as the user just saw it. */
  choose(input: unknown): void {
    this.refuseWhenFixed();
    const parsed = choiceInput.safeParse(input);
    if (!parsed.success)
      throw new AppError('VALIDATION', 'not a connection choice', { kind: 'bad_choice' });
    const choice: ChoiceInput = parsed.data;
    if (choice.mode === 'solo') {
      writeChoice(this.deps.userDataDir, { mode: 'solo' });
      this.pin = null;
      this.status = { state: 'solo', switchable: true };
      this.transition(() => this.deps.shell.openSolo());
      return;
    }
    const origin = parseServerUrl(choice.url).origin;
    if (this.lastProbe?.url !== origin || this.lastProbe.fingerprint !== choice.fingerprint)
      throw new AppError('VALIDATION', 'look at the server (probe) before trusting it', {
        kind: 'not_probed',
      });
    const team: TeamChoice = {
      mode: 'team',
      url: origin,
      fingerprint: choice.fingerprint,
      pinnedAt: nowIso(),
    };
    writeChoice(this.deps.userDataDir, team);
    this.lastProbe = null;
    this.pin = team;
    this.status = { state: 'team', url: origin };
    if (this.verdictCached) this.transition(async () => this.deps.shell.relaunch());
    else this.transition(() => this.openTeamWindow(team));
  }

  /** Leaves the current mode for the chooser; the stored choice stays until a new one is made. */
  reset(): void {
    this.refuseWhenFixed();
    const read = readChoice(this.deps.userDataDir);
    const current: StoredChoice | null = read.kind === 'chosen' ? read.choice : null;
    this.pin = current?.mode === 'team' ? current : null;
    this.status = { state: 'choose', reason: 'asked', current };
    this.transition(async () => {
      await this.deps.shell.closeSolo();
      await this.deps.shell.showConnectionScreen();
    });
  }

  /** Back to the stored choice: after a reset, or to retry a server that did not answer. */
  resume(): void {
    this.transition(() => this.start());
  }
}
