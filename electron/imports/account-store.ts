/**
 * The account reads and writes an import makes, as statements prepared once on the job's raw
 * connection: per row a lookup by USCC or name and at most a few writes. kysely writes the SQL
 * elsewhere; here the per-row cost is what matters (see electron/db/bulk.ts).
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Industry } from '../../shared/enums';
import { suggestOrgNature } from '../../shared/org-nature';
import { normalizeOrgName } from '../../shared/text';
import { buildSearchText } from '../accounts/repository';
import { nameKeys } from '../accounts/pinyin';

export interface ExistingAccount {
  id: number;
  name: string;
  name_norm: string;
  uscc: string | null;
  buyer_type: string;
  industry: string | null;
  province_code: string | null;
  city_code: string | null;
  district_code: string | null;
  address: string | null;
  grade: string;
  value_type: string | null;
  lifecycle: string;
  source: string | null;
  notes: string | null;
  owner_id: number | null;
  owner_name: string | null;
  parent_id: number | null;
  parent_name: string | null;
  parent_norm: string | null;
  /** Aliases joined by U+001F, or null. */
  aliases: string | null;
}

/** Columns an import may set, as the table names them. */
export type AccountColumnValues = Partial<{
  name: string;
  uscc: string | null;
  buyer_type: string;
  industry: string | null;
  province_code: string | null;
  city_code: string | null;
  district_code: string | null;
  address: string | null;
  grade: string;
  value_type: string | null;
  lifecycle: string;
  source: string | null;
  notes: string | null;
  owner_id: number | null;
}>;

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
  private readonly insertAccount: BetterSqlite3.Statement;
  private readonly insertAlias: BetterSqlite3.Statement;
  private readonly contactNames: BetterSqlite3.Statement;
  private readonly setSearch: BetterSqlite3.Statement;
  private readonly setParent: BetterSqlite3.Statement;
  private readonly touchAccount: BetterSqlite3.Statement;
  private readonly setContacts: BetterSqlite3.Statement;
  private readonly setSuggestedNature: BetterSqlite3.Statement;
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
    this.insertAccount = sqlite.prepare(`
      insert into accounts (name, name_norm, name_sort, uscc, buyer_type, industry, org_nature,
        province_code, city_code, district_code, address, grade, value_type, lifecycle, source,
        notes, owner_id, search_text, created_at, updated_at, created_by, updated_by)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.insertAlias = sqlite.prepare(
      `insert into account_aliases (account_id, alias, alias_norm, kind) values (?, ?, ?, 'alias')`,
    );
    this.contactNames = sqlite.prepare('select name from contacts where account_id = ?').pluck();
    this.setSearch = sqlite.prepare(
      'update accounts set name_norm = ?, name_sort = ?, search_text = ? where id = ?',
    );
    this.setContacts = sqlite.prepare(
      'update accounts set contact_count = ?, search_text = ? where id = ?',
    );
    // A person's confirmed nature is never touched; a suggestion follows the facts it rests on.
    this.setSuggestedNature = sqlite.prepare(
      'update accounts set org_nature = ? where id = ? and org_nature_confirmed = 0',
    );
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
  ): number {
    const keys = nameKeys(values.name);
    const search = buildSearchText(values.name, values.uscc ?? null, [...aliases], [], {
      initials: [keys.initials, ...aliases.map((a) => nameKeys(a).initials)],
    });
    const id = Number(
      this.insertAccount.run(
        values.name,
        normalizeOrgName(values.name),
        keys.sort,
        values.uscc ?? null,
        values.buyer_type,
        values.industry ?? null,
        suggestedNature(values.name, values.uscc ?? null, values.industry ?? null),
        values.province_code ?? null,
        values.city_code ?? null,
        values.district_code ?? null,
        values.address ?? null,
        values.grade,
        values.value_type ?? null,
        values.lifecycle,
        values.source ?? null,
        values.notes ?? null,
        values.owner_id ?? null,
        search,
        now,
        now,
        actorId,
        actorId,
      ).lastInsertRowid,
    );
    for (const alias of aliases) this.insertAlias.run(id, alias, normalizeOrgName(alias));
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
    for (const alias of newAliases)
      this.insertAlias.run(existing.id, alias, normalizeOrgName(alias));
    if (patch.name !== undefined || patch.uscc !== undefined || patch.industry !== undefined)
      this.setSuggestedNature.run(
        suggestedNature(
          patch.name ?? existing.name,
          patch.uscc !== undefined ? patch.uscc : existing.uscc,
          patch.industry !== undefined ? patch.industry : existing.industry,
        ),
        existing.id,
      );
    if (patch.name !== undefined || patch.uscc !== undefined || newAliases.length > 0) {
      const name = patch.name ?? existing.name;
      const allAliases = [
        ...(existing.aliases ? existing.aliases.split(ALIAS_SEPARATOR) : []),
        ...newAliases,
      ];
      const contacts = this.contactNames.all(existing.id) as string[];
      this.setSearch.run(
        normalizeOrgName(name),
        nameKeys(name).sort,
        buildSearchText(name, patch.uscc ?? existing.uscc, allAliases, contacts),
        existing.id,
      );
    }
  }

  linkParent(id: number, parentId: number | null, actorId: number | null, now: string): void {
    this.setParent.run(parentId, now, actorId, id);
  }

  /** After contacts were added: the contact count and the quick-search text (it holds contact names). */
  refreshContacts(id: number): void {
    const account = this.byId.get(id) as ExistingAccount | undefined;
    if (!account) return;
    const contacts = this.contactNames.all(id) as string[];
    const aliases = account.aliases ? account.aliases.split(ALIAS_SEPARATOR) : [];
    this.setContacts.run(
      contacts.length,
      buildSearchText(account.name, account.uscc, aliases, contacts),
      id,
    );
  }

  /** Recounts subordinate units of the given accounts after parents changed. */
  recountSubordinates(ids: Iterable<number>): void {
    const recount = this.sqlite.prepare(
      'update accounts set subordinate_count = (select count(*) from accounts c where c.parent_id = ?) where id = ?',
    );
    for (const id of ids) recount.run(id, id);
  }
}

const suggestedNature = (name: string, uscc: string | null, industry: string | null) =>
  suggestOrgNature({ name, uscc, industry: industry as Industry | null })?.nature ?? null;
