/**
 * The audit entries of one kind of record. Every entry a service writes of its records names the
 * same entity; only the actor, the record, the action and the change vary, so the entry's frame
 * is written here once.
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../../shared/clock';
import type { Database } from '../db/schema';
import { appendAudit, type AuditEvent } from './audit';

/** What an entry says happened: the action and the record before and/or after it. */
export type AuditEntry = Pick<AuditEvent, 'action' | 'before' | 'after'>;

/** An appender of `entity` entries; call it inside the write transaction of the change. */
export function entityAudit(entity: string) {
  return (
    trx: Kysely<Database>,
    clock: Clock,
    actorId: number | null,
    entityId: number,
    entry: AuditEntry,
  ): Promise<void> => appendAudit(trx, clock, { actorId, entity, entityId, ...entry });
}
