/**
 * The account reads and writes an import makes, as statements prepared once on the job's raw
 * connection: per row a lookup by USCC or name and at most a few writes. kysely writes the SQL
 * elsewhere; here the per-row cost is what matters (see electron/db/bulk.ts). The derived
 * columns (name keys, search text, counts, a suggested nature) are accounts/derived.ts's: this
 * store hands it the rows and the changes.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { AccountDerivedStatements, suggestedNature } from '../accounts/derived';
import type { PreparedSearch } from '../accounts/search-columns';
import type { AccountRecord } from '../db/schema';

/** Columns an import may set, as the table names them. */
type ImportedColumn =
  | 'name'
  | 'uscc'
  | 'buyer_type'
  | 'industry'
  | 'province_code'
  | 'city_code'
  | 'district_code'
  | 'address'
  | 'grade'
  | 'value_type'
  | 'lifecycle'
  | 'source'
  | 'notes'
  | 'owner_id';

export type AccountColumnValues = Partial<Pick<AccountRecord, ImportedColumn>>;

export type ExistingAccount = Pick<
  AccountRecord,
  'id' | 'name_norm' | 'parent_id' | ImportedColumn
> & {
  owner_name: string | null;
  parent_name: string | null;
  parent_norm: string | null;
  /** Aliases joined by U+001F, or null. */
  aliases: string | null;
};

export const ALIAS_SEPARATOR = '\u001f';

const SELECT_EXISTING = `
  select a.id, a.name, a.name_norm, a.uscc, a.buyer_type, a.industry, a.province_code,
         a.city_code, a.district_code, a.address, a.grade, a.value_type, a.lifecycle, a.source,
         a.notes, a.owner_id, s.name as owner_name, a.parent_id, p.name as parent_name,
         p.name_norm as parent_norm,
         (select group_concat(alias, char(31)) from account_aliases where account_id = a.id) as aliases
    from accounts a
    left join staff s on s.id = a.owner_id
    left join accounts p on p.id = a.parent_id`;

export class AccountStore {
  private readonly usccId: BetterSqlite3.Statement;
  private readonly byNameNorm: BetterSqlite3.Statement;
  private readonly byAliasNorm: BetterSqlite3.Statement;
  private readonly byId: BetterSqlite3.Statement;
  private readonly idsByNameNorm: BetterSqlite3.Statement;
  private readonly parentOf: BetterSqlite3.Statement;
  private readonly setParent: BetterSqlite3.Statement;
  private readonly touchAccount: BetterSqlite3.Statement;
  private readonly derived: AccountDerivedStatements;
  private readonly updates = new Map<string, BetterSqlite3.Statement>();

  constructor(private readonly sqlite: BetterSqlite3.Database) {
    // Most rows of a large import are new: a bare index probe first, the full row only on a hit.
    this.usccId = sqlite.prepare('select id from accounts where uscc = ?').pluck();
    this.byNameNorm = sqlite.prepare(`${SELECT_EXISTING} where a.name_norm = ? limit 2`);
    this.byAliasNorm = sqlite.prepare(
      `select a.id, a.name from account_aliases x join accounts a on a.id = x.account_id
        where x.alias_norm = ? limit 1`,
    );
    this.byId = sqlite.prepare(`${SELECT_EXISTING} where a.id = ?`);
    this.idsByNameNorm = sqlite.prepare('select id from accounts where name_norm = ? limit 2');
    this.parentOf = sqlite.prepare('select parent_id from accounts where id = ?').pluck();
    this.derived = new AccountDerivedStatements(sqlite);
    this.setParent = sqlite.prepare(
      'update accounts set parent_id = ?, version = version + 1, updated_at = ?, updated_by = ? where id = ?',
    );
    // New aliases alone change the record a form shows: its version moves too (row-version.ts).
    this.touchAccount = sqlite.prepare(
      'update accounts set version = version + 1, updated_at = ?, updated_by = ? where id = ?',
    );
  }

  findByUscc(uscc: string): ExistingAccount | undefined {
    const id = this.usccId.get(uscc) as number | undefined;
    return id === undefined ? undefined : this.findById(id);
  }

  /** Accounts with this normalised name (at most two: more than one is ambiguous anyway). */
  findByName(nameNorm: string): ExistingAccount[] {
    if (this.idsByNameNorm.get(nameNorm) === undefined) return [];
    return this.byNameNorm.all(nameNorm) as ExistingAccount[];
  }

  findByAlias(nameNorm: string): { id: number; name: string } | undefined {
    return this.byAliasNorm.get(nameNorm) as { id: number; name: string } | undefined;
  }

  findById(id: number): ExistingAccount | undefined {
    return this.byId.get(id) as ExistingAccount | undefined;
  }

  idsByName(nameNorm: string): number[] {
    return (this.idsByNameNorm.all(nameNorm) as { id: number }[]).map((r) => r.id);
  }

  /** True when `ancestor` is `id` or above it in the hierarchy. */
  isAncestorOrSelf(ancestor: number, id: number): boolean {
    let current: number | null = id;
    for (let depth = 0; current !== null && depth < 64; depth++) {
      if (current === ancestor) return true;
      current = (this.parentOf.get(current) as number | null | undefined) ?? null;
    }
    return false;
  }

  create(
    values: Required<Pick<AccountColumnValues, 'name' | 'buyer_type' | 'grade' | 'lifecycle'>> &
      AccountColumnValues,
    aliases: readonly string[],
    actorId: number | null,
    now: string,
    prepared?: PreparedSearch | null,
  ): number {
    const uscc = values.uscc ?? null;
    const industry = values.industry ?? null;
    const id = this.derived.insert(
      {
        name: values.name,
        uscc,
        buyer_type: values.buyer_type,
        industry,
        org_nature: suggestedNature({ name: values.name, uscc, industry }),
        org_nature_confirmed: 0,
        province_code: values.province_code ?? null,
        city_code: values.city_code ?? null,
        district_code: values.district_code ?? null,
        address: values.address ?? null,
        parent_id: null,
        grade: values.grade,
        value_type: values.value_type ?? null,
        lifecycle: values.lifecycle,
        source: values.source ?? null,
        owner_id: values.owner_id ?? null,
        notes: values.notes ?? null,
        created_at: now,
        updated_at: now,
        created_by: actorId,
        updated_by: actorId,
      },
      { aliases, contactNames: [], fleetTotal: 0, subordinateCount: 0 },
      prepared,
    );
    for (const alias of aliases) this.derived.insertAlias(id, alias, 'alias');
    return id;
  }

  /** Writes the changed columns and adds new aliases (an import never removes one); derived search keys follow. */
  update(
    existing: ExistingAccount,
    patch: AccountColumnValues,
    newAliases: readonly string[],
    actorId: number | null,
    now: string,
  ): void {
    const columns = Object.keys(patch) as (keyof AccountColumnValues)[];
    if (columns.length > 0) {
      const signature = columns.join(',');
      let statement = this.updates.get(signature);
      if (!statement) {
        statement = this.sqlite.prepare(
          `update accounts set ${columns.map((c) => `${c} = ?`).join(', ')}, version = version + 1, updated_at = ?, updated_by = ? where id = ?`,
        );
        this.updates.set(signature, statement);
      }
      statement.run(...columns.map((c) => patch[c] ?? null), now, actorId, existing.id);
    } else if (newAliases.length > 0) this.touchAccount.run(now, actorId, existing.id);
    for (const alias of newAliases) this.derived.insertAlias(existing.id, alias, 'alias');
    if (patch.name !== undefined || patch.uscc !== undefined || patch.industry !== undefined)
      this.derived.resuggestNature(existing.id, {
        name: patch.name ?? existing.name,
        uscc: patch.uscc !== undefined ? patch.uscc : existing.uscc,
        industry: patch.industry !== undefined ? patch.industry : existing.industry,
      });
    if (
      patch.name !== undefined ||
      patch.uscc !== undefined ||
      patch.address !== undefined ||
      newAliases.length > 0
    )
      this.derived.storeSearch(existing.id);
  }

  /** The quick-search index rows of the accounts `create` added (before the transaction ends). */
  indexCreated(minRows = 0): void {
    this.derived.indexInserted(minRows);
  }

  linkParent(id: number, parentId: number | null, actorId: number | null, now: string): void {
    this.setParent.run(parentId, now, actorId, id);
  }

  /** After contacts were added: the contact count and the quick-search text (it holds contact names). */
  refreshContacts(id: number): void {
    this.derived.refreshContacts(id);
  }

  /** Recounts subordinate units of the given accounts after parents changed. */
  recountSubordinates(ids: Iterable<number>): void {
    this.derived.recountSubordinates(ids);
  }
}
