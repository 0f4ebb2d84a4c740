/**
 * How the Electron app reaches its data: this computer's database (solo) or a team server over
 * HTTPS whose certificate the user compared and pinned. Shared by the main process (which
 * validates every call from the connection screen) and the renderer (which shows it).
 */
import { z } from 'zod';
import type { Result } from '../result';

/** A certificate's SHA-256 as the team server prints it: 32 uppercase hex pairs joined by ':'. */
export const certificateFingerprint = z
  .string()
  .regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/, 'a SHA-256 fingerprint (AA:BB:…)');

/** What is remembered in the app's user-data folder. */
export const storedChoice = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('solo') }).strict(),
  z
    .object({
      mode: z.literal('team'),
      /** The server's origin, `https://host[:port]`, as normalised when it was pinned. */
      url: z.string().min(1).max(2048),
      fingerprint: certificateFingerprint,
      pinnedAt: z.iso.datetime(),
    })
    .strict(),
]);
export type StoredChoice = z.infer<typeof storedChoice>;
export type TeamChoice = Extract<StoredChoice, { mode: 'team' }>;

/** The connection screen's choice: solo, or the server and the fingerprint the user compared. */
export const choiceInput = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('solo') }).strict(),
  z
    .object({
      mode: z.literal('team'),
      url: z.string().min(1).max(2048),
      fingerprint: certificateFingerprint,
    })
    .strict(),
]);
export type ChoiceInput = z.infer<typeof choiceInput>;

export const probeInput = z.object({ url: z.string().min(1).max(2048) }).strict();

/** Why a server address could not be used; the renderer words each kind. */
export const PROBE_PROBLEMS = [
  /** Not an address of the form https://host[:port]. */
  'bad_url',
  /** http:// (or another scheme): a team server is only reached over HTTPS. */
  'not_https',
  /** Nothing answered: wrong address or port, server stopped, network or firewall. */
  'unreachable',
  /** Something answered, but not with TLS. */
  'no_tls',
  /** An HTTPS server answered, but not as a Keyfleet team server. */
  'not_keyfleet',
] as const;
export type ProbeProblem = (typeof PROBE_PROBLEMS)[number];

/** A server that answered as Keyfleet, and the certificate it presented. */
export interface ProbedServer {
  url: string;
  fingerprint: string;
}

/** Where the app stands, as the connection screen needs it. */
export type ConnectionStatus =
  /** Working on this computer; `switchable` is false when a --data-dir fixed that. */
  | { state: 'solo'; switchable: boolean }
  /** Connected to (or connecting to) a pinned server. */
  | { state: 'team'; url: string }
  /** The user must choose: the first run, an unreadable settings file, or asked to change. */
  | { state: 'choose'; reason: 'first_run' | 'corrupt' | 'asked'; current: StoredChoice | null }
  /** The pinned server presented another certificate: refused until the user re-pins. */
  | {
      state: 'certificate_changed';
      url: string;
      pinned: string;
      seen: string;
      pinnedAt: string;
    }
  /** The pinned server could not be reached (or no longer answers as Keyfleet). */
  | { state: 'unreachable'; url: string; problem: ProbeProblem };

/** The narrow preload bridge of the connection screen (present only on the app's own page). */
export interface ConnectionBridge {
  get(): Promise<Result<ConnectionStatus>>;
  probe(url: string): Promise<Result<ProbedServer>>;
  choose(choice: ChoiceInput): Promise<Result<null>>;
  /** Leaves the current mode and shows the chooser (the stored choice stays until a new one). */
  reset(): Promise<Result<null>>;
  /** Goes back to the stored choice (after reset, or to retry an unreachable server). */
  resume(): Promise<Result<null>>;
}

export const CONNECTION_OPERATIONS = ['get', 'probe', 'choose', 'reset', 'resume'] as const;
export type ConnectionOperation = (typeof CONNECTION_OPERATIONS)[number];
