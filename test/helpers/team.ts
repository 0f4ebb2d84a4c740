/**
 * A team-server backend in process (no HTTP): the admin made as on first start, and colleagues
 * signed in with passwords of their own (their one-time password already changed), each as the
 * caller a transport would pass.
 */
import { ADMIN_LOGIN, ensureAdmin } from '../../electron/auth/admin';
import { type App, createApp } from '../../electron/app/create-app';
import type { Caller } from '../../electron/session/session';
import { type TestApp, WORKER_FROM_SOURCE } from './app';
import { tempDir } from './db';

export const TEAM_PASSWORD = 'Harbour-Lights-77';
const ONE_TIME = 'One-Time-4821';

export interface TeamApp {
  app: App;
  dataDir: string;
  admin: Caller;
  /** A new colleague with a login, signed in: the caller their requests carry. */
  colleague(login: string, role: 'specialist' | 'manager'): Promise<Caller>;
}

async function signIn(app: App, login: string, password: string): Promise<string> {
  const r = await app.dispatch('auth.signIn', { login, password }, { clientId: 't' });
  if (!r.ok) throw new Error(`${login}: ${r.error.message}`);
  return (r.value as { token: string }).token;
}

export async function teamApp(): Promise<TeamApp> {
  const dataDir = tempDir();
  const app = await createApp({ dataDir, mode: 'team', worker: WORKER_FROM_SOURCE });
  await ensureAdmin(app.deps.db, app.deps.clock, TEAM_PASSWORD);
  const admin: Caller = { clientId: 't', token: await signIn(app, ADMIN_LOGIN, TEAM_PASSWORD) };
  return {
    app,
    dataDir,
    admin,
    async colleague(login, role) {
      const made = await app.dispatch('staff.create', { name: login, role, login }, admin);
      if (!made.ok) throw new Error(made.error.message);
      const id = (made.value as { id: number }).id;
      await app.dispatch('staff.setPassword', { id, password: ONE_TIME }, admin);
      const token = await signIn(app, login, ONE_TIME);
      const caller = { clientId: 't', token };
      await app.dispatch('auth.changePassword', { current: ONE_TIME, next: TEAM_PASSWORD }, caller);
      return caller;
    },
  };
}

/** The team backend seen by one colleague: the solo helpers (sales records, documents) act as them. */
export function actingAs(team: TeamApp, caller: Caller): TestApp {
  const call = ((method: string, input: unknown) =>
    team.app.dispatch(method as never, input, caller)) as TestApp['call'];
  return {
    ...team.app,
    dataDir: team.dataDir,
    call,
    async value(method, input) {
      const r = await call(method, input);
      if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message}`);
      return r.value;
    },
  };
}
