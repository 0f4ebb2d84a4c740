/**
 * Changes made by long jobs rather than by a call: an import's rows arrive when the job commits,
 * demo data all at once. They are published as changes to many (no record, no account), which
 * every signed-in client may hear of: the event says only "refetch".
 */
import type { LiveTopic } from '../../shared/schemas/live-events';
import type { JobKind } from '../jobs/registry';
import type { JobRunner } from '../jobs/runner';
import type { EventHub } from './hub';

const WRITING_JOBS: Partial<Record<JobKind, readonly LiveTopic[]>> = {
  'demo.load': [
    'staff',
    'accounts',
    'contacts',
    'opportunities',
    'tenders',
    'contracts',
    'claims',
    'filings',
    'activities',
    'prices',
  ],
  'accounts.import': ['accounts'],
  'contacts.import': ['contacts'],
  'tenders.import': ['tenders'],
  'prices.import': ['prices'],
  'payments.import': ['contracts'],
};

/** A dry run writes nothing; only a commit changes what others see. */
function committed(params: unknown): boolean {
  if (typeof params !== 'object' || params === null || !('input' in params)) return true;
  const input = params.input;
  return !(
    typeof input === 'object' &&
    input !== null &&
    'mode' in input &&
    input.mode === 'dryRun'
  );
}

export function publishJobChanges(jobs: JobRunner, hub: EventHub): () => void {
  return jobs.onJobDone(({ kind, params, actorId }) => {
    const topics = WRITING_JOBS[kind];
    if (!topics || !committed(params)) return;
    for (const topic of topics) publishBulk(hub, topic, actorId);
  });
}

/** A change to many records of a topic (a job, the claims sweep). */
export function publishBulk(hub: EventHub, topic: LiveTopic, actorId: number | null): void {
  hub.publish({
    topic,
    kind: 'updated',
    recordId: null,
    accountId: null,
    ownerId: null,
    actorId,
    teamIds: [],
    to: [],
    concerns: [],
    origin: null,
  });
}
