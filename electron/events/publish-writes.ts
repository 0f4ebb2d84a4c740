/**
 * The one generic place writes are published: a wrapper around the dispatch that, after a
 * successful call of a writing method (electron/events/rules.ts), routes a change event to the
 * hub. A delete's account is looked up before the record is gone.
 */
import type { Kysely } from 'kysely';
import {
  api,
  isMethodName,
  type MethodName,
  type Output,
  type ParsedInput,
} from '../../shared/api';
import type { LiveTopic } from '../../shared/schemas/live-events';
import type { Database } from '../db/schema';
import type { Dispatch } from '../transport/dispatch';
import { DEFAULT_CLIENT } from '../transport/dispatch';
import { originOf, type Sessions } from '../session/session';
import type { ChangeEvent, EventHub } from './hub';
import { accountOf, accountTeam, claimantsOn } from './refs';
import { recordOf, WRITE_RULES, type WriteRule } from './rules';

interface PublishOptions {
  onError?: (method: string, error: unknown) => void;
}

/** Routing facts for a record of a topic: its account, the account's team, concerned colleagues. */
async function routeFor(
  db: Kysely<Database>,
  topic: LiveTopic,
  recordId: number | null,
  knownAccountId?: number | null,
): Promise<Pick<ChangeEvent, 'accountId' | 'ownerId' | 'teamIds' | 'concerns'>> {
  const accountId =
    knownAccountId !== undefined
      ? knownAccountId
      : recordId === null
        ? null
        : await accountOf(db, topic, recordId);
  if (accountId === null) return { accountId: null, ownerId: null, teamIds: [], concerns: [] };
  const team = await accountTeam(db, accountId);
  const concerns = topic === 'claims' ? await claimantsOn(db, accountId) : [];
  return { accountId, ownerId: team.ownerId, teamIds: team.teamIds, concerns };
}

export function publishingDispatch(
  dispatch: Dispatch,
  hub: EventHub,
  db: Kysely<Database>,
  sessions: Sessions,
  options: PublishOptions = {},
): Dispatch {
  return async (method, input, caller = { clientId: DEFAULT_CLIENT }) => {
    const rule = isMethodName(method) ? WRITE_RULES[method] : null;
    if (!rule || !isMethodName(method)) return dispatch(method, input, caller);
    const parsed = api[method].input.safeParse(input ?? {});
    // Before a delete: which account the record belonged to (afterwards it is gone).
    let before: number | null | undefined;
    if (parsed.success && rule.kind === 'deleted') {
      const recordId = recordOf(rule as WriteRule<MethodName>, parsed.data as never, undefined);
      before =
        recordId === null ? null : await accountOf(db, rule.topic, recordId).catch(() => null);
    }
    const result = await dispatch(method, input, caller);
    if (result.ok && parsed.success) {
      const actorId = sessions.resolve(caller).user?.id ?? null;
      await publishWrite(
        hub,
        db,
        method,
        parsed.data as ParsedInput<MethodName>,
        result.value as Output<MethodName>,
        { actorId, origin: originOf(caller), before },
      ).catch((error: unknown) => options.onError?.(method, error));
    }
    return result;
  };
}

async function publishWrite(
  hub: EventHub,
  db: Kysely<Database>,
  method: MethodName,
  input: ParsedInput<MethodName>,
  output: Output<MethodName>,
  ctx: { actorId: number | null; origin: string; before: number | null | undefined },
): Promise<void> {
  const rule = WRITE_RULES[method] as WriteRule<MethodName> | null;
  if (!rule || (rule.wrote && !rule.wrote(output))) return;
  const recordId = recordOf(rule, input, output);
  const route = await routeFor(db, rule.topic, recordId, ctx.before);
  hub.publish({
    topic: rule.topic,
    kind: rule.kind,
    recordId,
    actorId: ctx.actorId,
    to: [],
    origin: ctx.origin,
    ...route,
  });
  // Filing into an internal overlap also marks the colleagues' claims: their open cards refresh.
  if (rule.topic === 'claims' && recordId !== null)
    for (const other of await overlappingClaims(db, recordId)) {
      const otherRoute = await routeFor(db, 'claims', other, undefined);
      hub.publish({
        topic: 'claims',
        kind: 'updated',
        recordId: other,
        actorId: ctx.actorId,
        to: [],
        origin: null,
        ...otherRoute,
      });
    }
  const approval = rule.approval?.(input, output);
  if (approval)
    hub.publish({
      topic: 'approvals',
      kind: approval.decision === 'pending' ? 'created' : 'updated',
      recordId: approval.approvalId,
      contractId: approval.contractId,
      actorId: ctx.actorId,
      requesterId: approval.requesterId,
      decision: approval.decision,
      to: approval.requesterId === null ? [] : [approval.requesterId],
      // Every client, the deciding one too, keeps its count of waiting requests current.
      origin: null,
      ...route,
      concerns: [],
    });
}

/** Our other claims in one internal overlap with a claim: marked with the same `overlap_since`. */
async function overlappingClaims(db: Kysely<Database>, claimId: number): Promise<number[]> {
  const self = await db
    .selectFrom('claims')
    .select('overlap_since')
    .where('id', '=', claimId)
    .executeTakeFirst();
  if (!self?.overlap_since) return [];
  const rows = await db
    .selectFrom('claims')
    .select('id')
    .where('overlap_since', '=', self.overlap_since)
    .where('id', '!=', claimId)
    .execute();
  return rows.map((r) => r.id);
}
