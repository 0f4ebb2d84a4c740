/** What handlers are given: the database, every client's session, the job runner and facts about this launch. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { JobRunner } from '../jobs/runner';
import type { SessionStore } from '../session/session';

export interface Deps {
  db: Kysely<Database>;
  sessions: SessionStore;
  jobs: JobRunner;
  mode: 'electron' | 'browser';
  dataDir: string;
  version: string;
}
