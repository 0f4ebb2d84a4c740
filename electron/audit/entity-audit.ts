/**
 * The audit entries of one kind of record. A service writes every entry of its workflows with the
 * same entity and its own clock; only the actor, the record, the action and the change vary, so
 * the entry's frame is written here once.
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../../shared/clock';
import type { Database } from '../db/schema';
import { appendAudit, type AuditEvent } from './audit';

/** What an entry records of the change: the record before and/or after it. */
export type AuditChange = Pick<AuditEvent, 'before' | 'after'>;

/** An appender of `entity` entries; call it inside the write transaction of the change. */
export function entityAudit(entity: string) {
  return (
    trx: Kysely<Database>,
    clock: Clock,
    actorId: number | null,
    entityId: number,
    action: string,
    change: AuditChange,
  ): Promise<void> => appendAudit(trx, { actorId, entity, entityId, action, ...change }, clock);
}
