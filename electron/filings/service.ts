/**
 * Incentive filing workflows: a draft from a final contract, judged live by the policy and the
 * consistency checks; a manager's written override of failed checks; submission, which freezes
 * the verdict, the checks, the vehicles and the evidence as they were; withdrawal on the record.
 */
import type { Kysely } from 'kysely';
import { isPastProtection } from '../../shared/claim-rules';
import { chinaDate } from '../../shared/dates';
import { ACTIVE_CLAIM_STATUSES, type FilingCheck } from '../../shared/filing-enums';
import { type CheckOutcome, failedChecks } from '../../shared/filing-checks';
import { AppError } from '../../shared/result';
import type { FilingDetail } from '../../shared/schemas/filings';
import type { Staff } from '../../shared/schemas/staff';
import { entityAudit } from '../audit/entity-audit';
import type { Database } from '../db/schema';
import { claimVersion, nextVersion } from '../db/row-version';
import { writeTx } from '../db/tx';
import { mustGetContract } from '../contracts/record';
import { isManager } from '../session/session';
import { requireSalesWriter, requireTeam } from '../accounts/account-team';
import { getFilingSettings } from '../settings/filing-settings';
import { type Judgement, judgeFiling } from './facts';
import { getFilingRow } from './repository';
import { incentiveOf } from './incentive-view';
import { type Clock, isoNow } from '../../shared/clock';
import { mustExist } from '../db/must-exist';

const auditFiling = entityAudit('filing');

type Actor = Pick<Staff, 'id' | 'role'>;

export async function filingRecord(db: Kysely<Database>, id: number) {
  return mustExist(
    await db.selectFrom('filings').selectAll().where('id', '=', id).executeTakeFirst(),
    'filing',
    id,
  );
}
export type FilingRecord = Awaited<ReturnType<typeof filingRecord>>;

async function judge(
  db: Kysely<Database>,
  clock: Clock,
  dataDir: string,
  f: FilingRecord,
): Promise<Judgement> {
  return judgeFiling(db, clock, dataDir, f, (await getFilingSettings(db)).policy);
}

/** Failed checks an override does not cover (one made before a new failure covers only its own). */
function uncovered(f: FilingRecord, checks: CheckOutcome[]): FilingCheck[] {
  const overridden = f.override_checks ? (JSON.parse(f.override_checks) as FilingCheck[]) : [];
  return failedChecks(checks).filter((c) => !overridden.includes(c));
}

async function person(db: Kysely<Database>, id: number | null) {
  if (id === null) return null;
  return (
    (await db.selectFrom('staff').select(['id', 'name']).where('id', '=', id).executeTakeFirst()) ??
    null
  );
}

type Shown = Pick<Judgement, 'contract' | 'uscc' | 'verdict' | 'checks' | 'checklist' | 'vehicles'>;

/**
 * What a filing's card shows of its judgement: a draft is judged live (and its grid columns follow
 * that judgement); a submitted or withdrawn filing shows what was frozen, without judging again.
 */
async function shownJudgement(
  db: Kysely<Database>,
  clock: Clock,
  dataDir: string,
  f: FilingRecord,
): Promise<{ shown: Shown; blockers: FilingCheck[] }> {
  if (f.status !== 'draft' && f.verdict_json !== null) {
    const parse = <T>(json: string | null) => JSON.parse(json!) as T;
    const account = await db
      .selectFrom('accounts')
      .select('uscc')
      .where('id', '=', f.account_id)
      .executeTakeFirstOrThrow();
    return {
      shown: {
        contract: await mustGetContract(db, f.contract_id),
        uscc: account.uscc,
        verdict: parse(f.verdict_json),
        checks: parse(f.checks_json),
        checklist: parse(f.documents_json),
        vehicles: parse(f.vehicles_json),
      },
      blockers: [],
    };
  }
  const j = await judge(db, clock, dataDir, f);
  const failed = failedChecks(j.checks).length;
  if (f.eligible !== Number(j.verdict.eligible) || f.failed_checks !== failed)
    await writeTx(db, (trx) =>
      trx
        .updateTable('filings')
        .set({ eligible: Number(j.verdict.eligible), failed_checks: failed })
        .where('id', '=', f.id)
        .execute(),
    );
  return { shown: j, blockers: uncovered(f, j.checks) };
}

export async function mustGetFiling(
  db: Kysely<Database>,
  clock: Clock,
  dataDir: string,
  id: number,
): Promise<FilingDetail> {
  const f = await filingRecord(db, id);
  const { shown, blockers } = await shownJudgement(db, clock, dataDir, f);
  const row = (await getFilingRow(db, id))!;
  // Our live claim on the account, as it reads now: one past its protection is not shown as live
  // even before the expiry sweep writes it.
  const today = chinaDate(clock.now());
  const claim = (
    await db
      .selectFrom('claims')
      .select(['id', 'status', 'oem_reference', 'expires_on'])
      .where('account_id', '=', f.account_id)
      .where('source', '=', 'ours')
      .where('status', 'in', [...ACTIVE_CLAIM_STATUSES])
      .orderBy('filed_at')
      .execute()
  ).find((c) => !isPastProtection(c.status, c.expires_on, today));
  const { contract } = shown;
  return {
    ...row,
    notes: f.notes,
    version: f.version,
    contract: {
      id: contract.id,
      number: contract.number,
      partyName: contract.partyName,
      signedOn: contract.signedOn,
      quantity: contract.quantity,
      totalFen: contract.totalFen,
      tender: contract.tender,
    },
    uscc: shown.uscc,
    claim: claim ? { id: claim.id, status: claim.status, oemReference: claim.oem_reference } : null,
    verdict: shown.verdict,
    checks: shown.checks,
    checklist: shown.checklist,
    vehicles: shown.vehicles,
    override:
      f.override_at !== null && f.override_reason !== null
        ? {
            by: await person(db, f.override_by),
            at: f.override_at,
            reason: f.override_reason,
            checks: f.override_checks ? (JSON.parse(f.override_checks) as FilingCheck[]) : [],
          }
        : null,
    submittedBy: await person(db, f.submitted_by),
    withdrawnAt: f.withdrawn_at,
    withdrawReason: f.withdraw_reason,
    submitBlockers: blockers,
    incentive: await incentiveOf(db, f),
  };
}

/** A filing is changed by a manager, or by whoever prepared it while on the account's team. */
export async function mayChange(
  db: Kysely<Database>,
  actor: Actor,
  f: FilingRecord,
): Promise<void> {
  requireSalesWriter(actor);
  if (f.created_by !== actor.id && !isManager(actor))
    throw new AppError('FORBIDDEN', 'only whoever prepared the filing or a manager may change it', {
      kind: 'filing.not_yours',
    });
  await requireTeam(db, actor, f.account_id);
}

function requireDraft(f: FilingRecord): void {
  if (f.status !== 'draft')
    throw new AppError('CONFLICT', `the filing is ${f.status}`, {
      kind: 'filing.not_draft',
      status: f.status,
    });
}

async function nextNumber(trx: Kysely<Database>, at: string): Promise<string> {
  const prefix = `BB${at.slice(0, 4)}-`;
  const last = await trx
    .selectFrom('filings')
    .select('number')
    .where('number', 'like', `${prefix}%`)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  const n = last ? Number(last.number.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(n).padStart(4, '0')}`;
}

export async function createFiling(
  db: Kysely<Database>,
  clock: Clock,
  dataDir: string,
  actor: Actor,
  input: { contractId: number; units: number | null; notes: string | null },
): Promise<FilingDetail> {
  const id = await writeTx(db, async (trx) => {
    const contract = await trx
      .selectFrom('contracts')
      .select(['id', 'status', 'account_id', 'quantity', 'number'])
      .where('id', '=', input.contractId)
      .executeTakeFirst();
    if (!contract)
      throw new AppError('NOT_FOUND', `contract #${input.contractId} does not exist`, {
        kind: 'contract.missing',
      });
    await requireTeam(trx, actor, contract.account_id);
    if (contract.status !== 'final')
      throw new AppError('POLICY', 'only a final contract can be filed', {
        kind: 'filing.contract_not_final',
      });
    const live = await trx
      .selectFrom('filings')
      .select(['id', 'number'])
      .where('contract_id', '=', contract.id)
      .where('status', '!=', 'withdrawn')
      .executeTakeFirst();
    if (live)
      throw new AppError(
        'CONFLICT',
        `contract ${contract.number} is already filed as ${live.number}`,
        {
          kind: 'filing.exists',
          number: live.number,
        },
      );
    const now = isoNow(clock);
    const row = await trx
      .insertInto('filings')
      .values({
        number: await nextNumber(trx, now),
        contract_id: contract.id,
        account_id: contract.account_id,
        status: 'draft',
        units: input.units ?? contract.quantity,
        notes: input.notes,
        created_at: now,
        created_by: actor.id,
        updated_at: now,
      })
      .returning(['id', 'number'])
      .executeTakeFirstOrThrow();
    await auditFiling(trx, clock, actor.id, row.id, {
      action: 'filings.create',
      after: {
        number: row.number,
        contractId: contract.id,
        units: input.units ?? contract.quantity,
      },
    });
    return row.id;
  });
  return mustGetFiling(db, clock, dataDir, id);
}

export async function updateFiling(
  db: Kysely<Database>,
  clock: Clock,
  dataDir: string,
  actor: Actor,
  input: { id: number; units: number; notes: string | null; version: number },
): Promise<FilingDetail> {
  await writeTx(db, async (trx) => {
    const f = await filingRecord(trx, input.id);
    await mayChange(trx, actor, f);
    await claimVersion(trx, 'filings', input.id, input.version, actor.id, isoNow(clock));
    requireDraft(f);
    await trx
      .updateTable('filings')
      .set({ units: input.units, notes: input.notes })
      .where('id', '=', input.id)
      .execute();
    await auditFiling(trx, clock, actor.id, input.id, {
      action: 'filings.update',
      before: { units: f.units, notes: f.notes },
      after: { units: input.units, notes: input.notes },
    });
  });
  return mustGetFiling(db, clock, dataDir, input.id);
}

export async function deleteFiling(
  db: Kysely<Database>,
  clock: Clock,
  actor: Actor,
  id: number,
): Promise<void> {
  await writeTx(db, async (trx) => {
    const f = await filingRecord(trx, id);
    await mayChange(trx, actor, f);
    requireDraft(f);
    await trx
      .deleteFrom('documents')
      .where('entity', '=', 'filing')
      .where('entity_id', '=', id)
      .execute();
    await trx.deleteFrom('filings').where('id', '=', id).execute();
    await auditFiling(trx, clock, actor.id, id, {
      action: 'filings.delete',
      before: { number: f.number, contractId: f.contract_id },
    });
  });
}

export async function overrideFiling(
  db: Kysely<Database>,
  clock: Clock,
  dataDir: string,
  actor: Actor,
  input: { id: number; reason: string },
): Promise<FilingDetail> {
  requireSalesWriter(actor);
  const f = await filingRecord(db, input.id);
  requireDraft(f);
  const j = await judge(db, clock, dataDir, f);
  const failed = failedChecks(j.checks);
  if (failed.length === 0)
    throw new AppError('CONFLICT', 'every check passes: there is nothing to override', {
      kind: 'filing.nothing_to_override',
    });
  await writeTx(db, async (trx) => {
    const at = isoNow(clock);
    await trx
      .updateTable('filings')
      .set({
        override_by: actor.id,
        override_at: at,
        override_reason: input.reason,
        override_checks: JSON.stringify(failed),
        version: nextVersion(),
        updated_by: actor.id,
        updated_at: at,
      })
      .where('id', '=', input.id)
      .where('status', '=', 'draft')
      .execute();
    await auditFiling(trx, clock, actor.id, input.id, {
      action: 'filings.override',
      before: f.override_reason ? { reason: f.override_reason, checks: f.override_checks } : null,
      after: {
        reason: input.reason,
        checks: failed,
        problems: j.checks.filter((c) => c.pass === false).map((c) => c.problems),
      },
    });
  });
  return mustGetFiling(db, clock, dataDir, input.id);
}

export async function submitFiling(
  db: Kysely<Database>,
  clock: Clock,
  dataDir: string,
  actor: Actor,
  id: number,
): Promise<FilingDetail> {
  const f = await filingRecord(db, id);
  await mayChange(db, actor, f);
  requireDraft(f);
  const j = await judge(db, clock, dataDir, f);
  const blockers = uncovered(f, j.checks);
  if (blockers.length > 0)
    throw new AppError(
      'POLICY',
      `checks failed: ${blockers.join(', ')}; a manager may override them with a written reason`,
      { kind: 'filing.checks_failed', checks: blockers },
    );
  await writeTx(db, async (trx) => {
    const at = isoNow(clock);
    const failed = failedChecks(j.checks);
    const done = await trx
      .updateTable('filings')
      .set({
        status: 'submitted',
        submitted_at: at,
        submitted_by: actor.id,
        eligible: Number(j.verdict.eligible),
        failed_checks: failed.length,
        verdict_json: JSON.stringify(j.verdict),
        checks_json: JSON.stringify(j.checks),
        vehicles_json: JSON.stringify(j.vehicles),
        documents_json: JSON.stringify(j.checklist),
        version: nextVersion(),
        updated_by: actor.id,
        updated_at: at,
      })
      .where('id', '=', id)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1)
      throw new AppError('CONFLICT', 'the filing changed meanwhile', { kind: 'filing.not_draft' });
    // The audit entry carries what was filed, so the chain proves it was not edited later.
    await auditFiling(trx, clock, actor.id, id, {
      action: 'filings.submit',
      after: {
        number: f.number,
        submittedAt: at,
        units: f.units,
        eligible: j.verdict.eligible,
        failedChecks: failed,
        override: f.override_reason,
        vins: j.vehicles.map((v) => v.vin),
        documents: j.documents.map((d) => ({ kind: d.kind, sha256: d.sha256 })),
      },
    });
  });
  return mustGetFiling(db, clock, dataDir, id);
}

export async function withdrawFiling(
  db: Kysely<Database>,
  clock: Clock,
  dataDir: string,
  actor: Actor,
  input: { id: number; reason: string },
): Promise<FilingDetail> {
  await writeTx(db, async (trx) => {
    const f = await filingRecord(trx, input.id);
    await mayChange(trx, actor, f);
    if (f.status !== 'submitted')
      throw new AppError('CONFLICT', `the filing is ${f.status}`, {
        kind: 'filing.not_submitted',
      });
    const at = isoNow(clock);
    await trx
      .updateTable('filings')
      .set({
        status: 'withdrawn',
        withdrawn_at: at,
        withdraw_reason: input.reason,
        version: nextVersion(),
        updated_by: actor.id,
        updated_at: at,
      })
      .where('id', '=', input.id)
      .execute();
    await auditFiling(trx, clock, actor.id, input.id, {
      action: 'filings.withdraw',
      before: { status: 'submitted' },
      after: { status: 'withdrawn', reason: input.reason },
    });
  });
  return mustGetFiling(db, clock, dataDir, input.id);
}
