/**
 * A live change event, as `GET /api/events` sends it: what kind of record changed and which one,
 * never what it now says. Codes and ids only — a client that cares refetches through the API,
 * where the usual rules decide what it may read.
 */
import { z } from 'zod';
import { APPROVAL_STATE_VALUES } from '../sales-enums';
import { id } from './common';

const LIVE_TOPICS = [
  'accounts',
  'contacts',
  'opportunities',
  'tenders',
  'contracts',
  'approvals',
  'claims',
  'filings',
  'documents',
  'activities',
  'staff',
  'settings',
  'prices',
  'kpi',
  'templates',
  'mappings',
] as const;
export type LiveTopic = (typeof LIVE_TOPICS)[number];

const CHANGE_KINDS = ['created', 'updated', 'deleted'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const liveEvent = z.object({
  /** The stream's event id: `<server run>.<sequence>`, echoed back as Last-Event-ID. */
  id: z.string(),
  topic: z.enum(LIVE_TOPICS),
  kind: z.enum(CHANGE_KINDS),
  /** The changed record; null for a change to many (an import, the nightly claim sweep). */
  recordId: id.nullable(),
  /** The account the record belongs to, when it belongs to one. */
  accountId: id.nullable(),
  /** That account's owner (主销售). */
  ownerId: id.nullable(),
  /** Who made the change; null for the system (a sweep). */
  actorId: id.nullable(),
  /** Approvals: the contract, who asked, and the state the request is now in. */
  contractId: id.optional(),
  requesterId: id.nullable().optional(),
  decision: z.enum(APPROVAL_STATE_VALUES).optional(),
  at: z.string(),
});
export type LiveEvent = z.infer<typeof liveEvent>;
