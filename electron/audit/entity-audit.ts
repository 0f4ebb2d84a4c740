/**
 * The audit entries of one kind of record. Every entry a service writes of its records names the
 * same entity; only the actor, the record, the action and the change vary, so the entry's frame
 * is written here once.
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../../shared/clock';
import type { Database } from '../db/schema';
import { appendAudit, type AuditEvent } from './audit';

/**
 * What an entry says happened: the action and the record before and/or after it. `clock`: where
 * the entry's time is read, handed on to appendAudit as it stands (its default where none).
 */
export type AuditEntry = Pick<AuditEvent, 'action' | 'before' | 'after'> & { clock?: Clock };

/** An appender of `entity` entries; call it inside the write transaction of the change. */
export function entityAudit(entity: string) {
  return (
    trx: Kysely<Database>,
    actorId: number | null,
    entityId: number,
    { clock, ...entry }: AuditEntry,
  ): Promise<void> => appendAudit(trx, { actorId, entity, entityId, ...entry }, clock);
}
