/** What handlers are given: the database, the session, the job runner and facts about this launch. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { JobRunner } from '../jobs/runner';
import type { Session } from '../session/session';

export interface Deps {
  db: Kysely<Database>;
  session: Session;
  jobs: JobRunner;
  mode: 'electron' | 'browser';
  dataDir: string;
  version: string;
}
