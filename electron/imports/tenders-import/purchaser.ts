/**
 * A tender's purchaser from the file: the account with the file's USCC (whose name must agree),
 * else the one account of that name, else a new government account created through the accounts
 * service — unless the registry already holds a possible duplicate, which the row names instead.
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../../../shared/clock';
import type { ImportReason } from '../../../shared/schemas/imports';
import { AppError } from '../../../shared/result';
import { normalizeOrgName } from '../../../shared/text';
import { createAccount } from '../../accounts/service';
import type { Database } from '../../db/schema';
import { reason } from '../account-row';
import { type FileRow, first, text } from './file-row';
import { accountByUscc, accountsNamed } from './store';

/** The purchaser's account id, or the reason the tender cannot have one. */
export async function resolvePurchaser(
  db: Kysely<Database>,
  clock: Clock,
  actorId: number,
  rows: FileRow[],
  warnings: ImportReason[],
): Promise<{ id: number } | ImportReason> {
  const uscc =
    text(rows[0]!.values, 'purchaserUscc') ??
    (first(rows, 'purchaserUscc') as string | undefined) ??
    null;
  const name = (first(rows, 'purchaser') as string | undefined) ?? null;
  if (uscc) {
    const byUscc = await accountByUscc(db, uscc);
    if (byUscc) {
      if (name && normalizeOrgName(name) !== byUscc.name_norm)
        return reason('account.mismatch', 'purchaser', name, byUscc.name);
      return { id: byUscc.id };
    }
  }
  if (!name) return reason('required', 'purchaser');
  const norm = normalizeOrgName(name);
  const same = await accountsNamed(db, norm);
  if (same.length === 1) return { id: same[0]!.id };
  if (same.length > 1) return reason('account.ambiguous', 'purchaser', name);
  try {
    const created = await createAccount(
      db,
      clock,
      actorId,
      {
        name,
        uscc,
        aliases: [],
        buyerType: 'government',
        industry: 'party_government',
        orgNature: null,
        provinceCode: null,
        cityCode: null,
        districtCode: null,
        address: null,
        parentId: null,
        grade: 'B',
        valueType: null,
        lifecycle: 'target',
        source: 'procurement_site',
        ownerId: actorId,
        fleet: [],
        notes: null,
      },
      false,
    );
    warnings.push(reason('purchaser.created', 'purchaser', name));
    return { id: created.id };
  } catch (error) {
    if (
      error instanceof AppError &&
      (error.details as { kind?: string } | undefined)?.kind === 'possible_duplicate'
    ) {
      const matches = ((error.details as { matches?: { name: string }[] }).matches ?? [])
        .map((m) => m.name)
        .join('、');
      return reason('purchaser.possible_duplicate', 'purchaser', name, matches);
    }
    throw error;
  }
}
