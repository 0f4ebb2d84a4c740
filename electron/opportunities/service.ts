/** Opportunity workflows: details, stage moves with their rules and history, audit, deadlines. */
import type { Kysely } from 'kysely';
import type {
  OpportunityDetail,
  OpportunityInput,
  StageMove,
} from '../../shared/schemas/opportunities';
import { AppError, fieldIssue } from '../../shared/result';
import { type LostReason, type Stage, isOpenStage } from '../../shared/sales-enums';
import { searchKey } from '../../shared/text';
import { noteColumns, type SystemNote } from '../../shared/system-notes';
import { nameInitials, nameSortKey } from '../accounts/pinyin';
import { entityAudit } from '../audit/entity-audit';
import { dropDeadlines, syncDeadlines } from '../calendar/deadlines';
import type { Database } from '../db/schema';
import { bump, claimVersion } from '../db/row-version';
import { writeTx } from '../db/tx';
import { refreshAccountFacts } from '../value/facts';
import { type Actor, requireTeam } from '../accounts/account-team';
import { getSalesSettings } from '../settings/sales-settings';
import { getOpportunityDetail, type Probabilities, probabilitiesOf } from './repository';
import { type Clock, isoNow } from '../../shared/clock';
import { newRowStamps } from '../db/stamps';
import { replaceChildRows } from '../db/child-rows';
import { mustExist } from '../db/must-exist';
import { stagePathBit, withStage } from './stage-path';

const auditOpportunity = entityAudit('opportunity');

export async function probabilities(db: Kysely<Database>): Promise<Probabilities> {
  return probabilitiesOf((await getSalesSettings(db)).probabilities);
}

export async function mustGetOpportunity(
  db: Kysely<Database>,
  id: number,
): Promise<OpportunityDetail> {
  return mustExist(await getOpportunityDetail(db, id, await probabilities(db)), 'opportunity', id);
}

/** Priced lines give the amount; without any price, the budget stands in for it. */
function amountOf(input: Pick<OpportunityInput, 'lines' | 'budgetFen'>): {
  amount: number;
  quantity: number;
} {
  const quantity = input.lines.reduce((n, l) => n + l.quantity, 0);
  const priced = input.lines.filter((l) => l.targetUnitPriceFen !== null);
  const amount =
    priced.length > 0
      ? priced.reduce((n, l) => n + l.quantity * (l.targetUnitPriceFen ?? 0), 0)
      : (input.budgetFen ?? 0);
  return { amount, quantity };
}

async function accountOf(trx: Kysely<Database>, accountId: number) {
  const account = await trx
    .selectFrom('accounts')
    .select(['id', 'name', 'buyer_type'])
    .where('id', '=', accountId)
    .executeTakeFirst();
  if (!account)
    throw new AppError('NOT_FOUND', `account #${accountId} does not exist`, {
      ...fieldIssue('accountId', 'account.missing'),
    });
  return account;
}

async function guardReferences(trx: Kysely<Database>, input: OpportunityInput): Promise<void> {
  if (input.ownerId !== null) {
    mustExist(
      await trx.selectFrom('staff').select('id').where('id', '=', input.ownerId).executeTakeFirst(),
      'staff member',
      input.ownerId,
    );
  }
  const contactIds = input.contacts.map((c) => c.contactId);
  if (new Set(contactIds).size !== contactIds.length)
    throw new AppError('VALIDATION', 'a contact is listed twice', {
      ...fieldIssue('contacts', 'contact.duplicate'),
    });
  if (contactIds.length > 0) {
    const found = await trx
      .selectFrom('contacts')
      .select('id')
      .where('id', 'in', contactIds)
      .where('account_id', '=', input.accountId)
      .execute();
    if (found.length !== contactIds.length)
      throw new AppError('VALIDATION', 'every contact must be a contact of the account', {
        ...fieldIssue('contacts', 'contact.other_account'),
      });
  }
}

function searchText(title: string, accountName: string): string {
  return [title, accountName, nameInitials(title)].map(searchKey).filter(Boolean).join('\n');
}

async function writeChildren(trx: Kysely<Database>, id: number, input: OpportunityInput) {
  await replaceChildRows(
    trx,
    'opportunity_lines',
    'opportunity_id',
    id,
    input.lines.map((l) => ({
      opportunity_id: id,
      model: l.model,
      configuration: l.configuration,
      quantity: l.quantity,
      target_unit_price_fen: l.targetUnitPriceFen,
    })),
  );
  await replaceChildRows(
    trx,
    'opportunity_contacts',
    'opportunity_id',
    id,
    input.contacts.map((c) => ({ opportunity_id: id, contact_id: c.contactId, role: c.role })),
  );
  await replaceChildRows(
    trx,
    'opportunity_competitors',
    'opportunity_id',
    id,
    input.competitors.map((c) => ({
      opportunity_id: id,
      brand: c.brand,
      model: c.model,
      rep: c.rep,
      customer_view: c.customerView,
    })),
  );
}

/** The expected close date is a deadline while the opportunity is open. */
async function syncOpportunityDeadlines(trx: Kysely<Database>, id: number): Promise<void> {
  const o = await trx
    .selectFrom('opportunities')
    .select(['title', 'account_id', 'owner_id', 'expected_close_on', 'stage'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  await syncDeadlines(trx, 'opportunity', id, [
    {
      kind: 'expected_close',
      due: isOpenStage(o.stage) ? o.expected_close_on : null,
      title: o.title,
      accountId: o.account_id,
      ownerId: o.owner_id,
    },
  ]);
}

/** What the audit log keeps of an opportunity. */
function snapshot(d: OpportunityDetail) {
  return {
    title: d.title,
    account: d.accountName,
    stage: d.stage,
    owner: d.ownerName,
    source: d.source,
    budgetFen: d.budgetFen,
    amountFen: d.amountFen,
    expectedCloseOn: d.expectedCloseOn,
    lines: d.lines,
    contacts: d.contacts.map((c) => ({ name: c.name, role: c.role })),
    competitors: d.competitors,
    notes: d.notes,
    lostReason: d.lostReason,
    lostNote: d.lostNote,
    winnerName: d.winnerName,
    winningPriceFen: d.winningPriceFen,
    contractId: d.contractId,
  };
}

export async function createOpportunity(
  db: Kysely<Database>,
  clock: Clock,
  actor: Actor,
  input: OpportunityInput,
): Promise<OpportunityDetail> {
  const actorId = actor.id;
  return writeTx(db, async (trx) => {
    const account = await accountOf(trx, input.accountId);
    await requireTeam(trx, actor, input.accountId);
    await guardReferences(trx, input);
    const now = isoNow(clock);
    const { amount, quantity } = amountOf(input);
    const { id } = await trx
      .insertInto('opportunities')
      .values({
        account_id: input.accountId,
        title: input.title,
        title_sort: nameSortKey(input.title),
        buyer_type: account.buyer_type,
        owner_id: input.ownerId ?? actorId,
        source: input.source,
        stage: 'interest',
        stage_changed_at: now,
        stage_path: stagePathBit('interest'),
        budget_fen: input.budgetFen,
        amount_fen: amount,
        quantity,
        expected_close_on: input.expectedCloseOn,
        notes: input.notes,
        search_text: searchText(input.title, account.name),
        ...newRowStamps(actorId, now),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeChildren(trx, id, input);
    await trx
      .insertInto('opportunity_stages')
      .values({
        opportunity_id: id,
        at: now,
        actor_id: actorId,
        from_stage: null,
        to_stage: 'interest',
        cause: 'manual',
        note: null,
      })
      .execute();
    await syncOpportunityDeadlines(trx, id);
    await refreshAccountFacts(trx, [input.accountId]);
    const created = await mustGetOpportunity(trx, id);
    await auditOpportunity(trx, clock, actorId, id, {
      action: 'opportunity.create',
      after: snapshot(created),
    });
    return created;
  });
}

export async function updateOpportunity(
  db: Kysely<Database>,
  clock: Clock,
  actor: Actor,
  id: number,
  input: OpportunityInput,
  version: number,
): Promise<OpportunityDetail> {
  const actorId = actor.id;
  return writeTx(db, async (trx) => {
    const before = await mustGetOpportunity(trx, id);
    // Moving it to another account changes both.
    for (const accountId of new Set([before.accountId, input.accountId]))
      await requireTeam(trx, actor, accountId);
    const at = isoNow(clock);
    await claimVersion(trx, 'opportunities', id, version, actor.id, at);
    if (
      input.accountId !== before.accountId &&
      (before.tenders.length > 0 || before.contracts.length > 0)
    )
      throw new AppError(
        'POLICY',
        'this opportunity has tenders or contracts: it cannot move to another account',
        { kind: 'account_locked' },
      );
    const account = await accountOf(trx, input.accountId);
    await guardReferences(trx, input);
    const { amount, quantity } = amountOf(input);
    await trx
      .updateTable('opportunities')
      .set({
        account_id: input.accountId,
        title: input.title,
        title_sort: nameSortKey(input.title),
        buyer_type: account.buyer_type,
        owner_id: input.ownerId ?? before.ownerId,
        source: input.source,
        budget_fen: input.budgetFen,
        amount_fen: amount,
        quantity,
        expected_close_on: input.expectedCloseOn,
        notes: input.notes,
        search_text: searchText(input.title, account.name),
        updated_at: at,
        updated_by: actorId,
      })
      .where('id', '=', id)
      .execute();
    await writeChildren(trx, id, input);
    await syncOpportunityDeadlines(trx, id);
    await refreshAccountFacts(trx, [before.accountId, input.accountId]);
    const after = await mustGetOpportunity(trx, id);
    await auditOpportunity(trx, clock, actorId, id, {
      action: 'opportunity.update',
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  });
}

interface StageFacts {
  lostReason?: StageMove['lostReason'];
  lostNote?: string | null;
  winnerName?: string | null;
  winningPriceFen?: number | null;
  contractId?: number | null;
}

/**
 * Moves an opportunity to a stage inside the caller's transaction, checking what that stage needs.
 * Used by the stage buttons (cause manual), tender results and contracts; the latter say why in a
 * coded note (put into words by whoever reads it), a person's lost note stays their text.
 */
export async function applyStage(
  trx: Kysely<Database>,
  actorId: number | null,
  id: number,
  to: Stage,
  cause: 'manual' | 'tender' | 'contract',
  facts: StageFacts,
  systemNote: SystemNote | null,
  clock: Clock,
): Promise<OpportunityDetail> {
  const before = await mustGetOpportunity(trx, id);
  if (before.stage === to) return before;
  if (before.stage === 'won')
    throw new AppError('POLICY', 'a won opportunity is closed with its contract; open a new one', {
      kind: 'stage.won_final',
    });
  const set: Partial<{
    lost_reason: LostReason | null;
    lost_note: string | null;
    winner_name: string | null;
    winning_price_fen: number | null;
    contract_id: number | null;
  }> = {};
  if (to === 'lost') {
    if (!facts.lostReason)
      throw new AppError('VALIDATION', 'a lost opportunity needs a reason', {
        kind: 'stage.lost_reason',
        ...fieldIssue('lostReason', 'stage.lost_reason'),
      });
    Object.assign(set, {
      lost_reason: facts.lostReason,
      lost_note: facts.lostNote ?? null,
      winner_name: facts.winnerName ?? null,
      winning_price_fen: facts.winningPriceFen ?? null,
      contract_id: null,
    });
  } else if (to === 'won') {
    const contract = facts.contractId
      ? await trx
          .selectFrom('contracts')
          .select(['id', 'status', 'opportunity_id', 'number'])
          .where('id', '=', facts.contractId)
          .executeTakeFirst()
      : undefined;
    if (!contract || contract.opportunity_id !== id || contract.status !== 'final')
      throw new AppError(
        'POLICY',
        'won needs the contract: choose a final contract of this opportunity',
        {
          kind: 'stage.won_contract',
          ...fieldIssue('contractId', 'stage.won_contract'),
        },
      );
    Object.assign(set, {
      contract_id: contract.id,
      lost_reason: null,
      lost_note: null,
      winner_name: null,
      winning_price_fen: null,
    });
  } else if (to === 'abandoned') {
    Object.assign(set, { lost_note: facts.lostNote ?? null, contract_id: null });
  } else {
    // Reopened or moved along: the facts of a previous close no longer hold.
    Object.assign(set, {
      lost_reason: null,
      lost_note: null,
      winner_name: null,
      winning_price_fen: null,
      contract_id: null,
    });
  }
  const now = isoNow(clock);
  await trx
    .updateTable('opportunities')
    .set({
      ...set,
      stage: to,
      stage_changed_at: now,
      stage_path: withStage(to),
      ...bump(actorId, now),
    })
    .where('id', '=', id)
    .execute();
  await trx
    .insertInto('opportunity_stages')
    .values({
      opportunity_id: id,
      at: now,
      actor_id: actorId,
      from_stage: before.stage,
      to_stage: to,
      cause,
      note: facts.lostNote ?? null,
      note_code: noteColumns(systemNote).code,
      note_params: noteColumns(systemNote).params,
    })
    .execute();
  await syncOpportunityDeadlines(trx, id);
  await refreshAccountFacts(trx, [before.accountId]);
  const after = await mustGetOpportunity(trx, id);
  await auditOpportunity(trx, clock, actorId, id, {
    action: 'opportunity.move',
    before: { stage: before.stage },
    after: {
      stage: to,
      cause,
      lostReason: after.lostReason,
      lostNote: after.lostNote,
      winnerName: after.winnerName,
      winningPriceFen: after.winningPriceFen,
      contractId: after.contractId,
    },
  });
  return after;
}

export async function moveOpportunity(
  db: Kysely<Database>,
  clock: Clock,
  actor: Actor,
  move: StageMove,
): Promise<OpportunityDetail> {
  const actorId = actor.id;
  return writeTx(db, async (trx) => {
    const before = await mustGetOpportunity(trx, move.id);
    await requireTeam(trx, actor, before.accountId);
    await claimVersion(trx, 'opportunities', move.id, move.version, actor.id, isoNow(clock));
    return applyStage(trx, actorId, move.id, move.stage, 'manual', move, null, clock);
  });
}

export async function deleteOpportunity(
  db: Kysely<Database>,
  clock: Clock,
  actor: Actor,
  id: number,
): Promise<void> {
  const actorId = actor.id;
  await writeTx(db, async (trx) => {
    const before = await mustGetOpportunity(trx, id);
    await requireTeam(trx, actor, before.accountId);
    const activities = await trx
      .selectFrom('activities')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('opportunity_id', '=', id)
      .executeTakeFirstOrThrow();
    if (before.tenders.length > 0 || before.contracts.length > 0 || Number(activities.n) > 0)
      throw new AppError(
        'POLICY',
        `"${before.title}" has tenders, contracts or activities; close it as lost or abandoned instead`,
        { kind: 'opportunity.in_use' },
      );
    await trx.deleteFrom('opportunities').where('id', '=', id).execute();
    await dropDeadlines(trx, 'opportunity', id);
    await refreshAccountFacts(trx, [before.accountId]);
    await auditOpportunity(trx, clock, actorId, id, {
      action: 'opportunity.delete',
      before: snapshot(before),
    });
  });
}
