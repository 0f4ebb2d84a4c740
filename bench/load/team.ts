/**
 * Setting up the simulated team before the clock starts, through the API as an admin and a
 * manager would: the demo's manager and specialists get logins, further colleagues are added, each
 * gets a one-time password and changes it, and the manager hands every new specialist a share of
 * the demo specialists' accounts (a specialist writes only on accounts of their own).
 */
import { randomBytes } from 'node:crypto';
import type { Input, Output } from '../../shared/api';
import type { AccountDetail } from '../../shared/schemas/accounts';
import type { Staff } from '../../shared/schemas/staff';
import type { Client } from './client';

export interface Person {
  id: number;
  name: string;
  role: 'specialist' | 'manager';
  login: string;
  password: string;
}

/** Runs `work` over `items` with at most `limit` at a time. */
export async function inParallel<T>(
  items: T[],
  limit: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      await work(items[i]!, i);
    }
  });
  await Promise.all(lanes);
}

const password = () => `Kf-${randomBytes(9).toString('base64url')}-7q`;

/** The account form's round trip: what was loaded, with another owner. */
function withOwner(d: AccountDetail, ownerId: number): Input<'accounts.update'> {
  return {
    id: d.id,
    version: d.version,
    acknowledgeDuplicates: true,
    confirmSameName: [],
    account: {
      name: d.name,
      uscc: d.uscc,
      aliases: d.aliases,
      buyerType: d.buyerType,
      industry: d.industry,
      orgNature: d.orgNatureState === 'confirmed' ? d.orgNature : null,
      provinceCode: d.provinceCode,
      cityCode: d.cityCode,
      districtCode: d.districtCode,
      address: d.address,
      parentId: d.parent?.id ?? null,
      grade: d.grade,
      valueType: d.valueType,
      lifecycle: d.lifecycle,
      source: d.source,
      ownerId,
      fleet: d.fleet,
      notes: d.notes,
    },
  };
}

export async function setUpTeam(o: {
  admin: Client;
  newClient: () => Client;
  users: number;
  /** Accounts each added specialist is given (taken from the demo specialists'). */
  accountsEach: number;
  log: (message: string) => void;
}): Promise<Person[]> {
  const { admin } = o;
  const demo = await admin.value<Staff[]>('staff.list', {});
  const demoManagers = demo.filter((s) => s.role === 'manager');
  const demoSpecialists = demo.filter((s) => s.role === 'specialist');
  // About one manager to a dozen specialists, as in a dealership's key-account team.
  const managers = Math.max(1, Math.round(o.users / 12));
  const specialists = o.users - managers;

  const people: Person[] = [];
  const give = async (s: Staff, login: string) => {
    const updated = await admin.value<Staff>('staff.update', {
      id: s.id,
      name: s.name,
      role: s.role,
      phone: s.phone,
      email: s.email,
      active: true,
      version: s.version,
      login,
    });
    people.push({ ...pick(updated), login, password: '' });
  };
  const add = async (name: string, role: Person['role'], login: string) => {
    const created = await admin.value<Staff>('staff.create', { name, role, login });
    people.push({ ...pick(created), login, password: '' });
  };
  for (const [i, s] of demoManagers.slice(0, managers).entries()) await give(s, `manager${i + 1}`);
  for (let i = people.length; i < managers; i++)
    await add(`压测经理${String(i + 1).padStart(2, '0')}`, 'manager', `manager${i + 1}`);
  for (const [i, s] of demoSpecialists.slice(0, specialists).entries())
    await give(s, `rep${String(i + 1).padStart(2, '0')}`);
  const demoCount = Math.min(demoSpecialists.length, specialists);
  for (let i = demoCount; i < specialists; i++)
    await add(
      `压测专员${String(i + 1).padStart(2, '0')}`,
      'specialist',
      `rep${String(i + 1).padStart(2, '0')}`,
    );

  // One-time passwords, changed at the first sign-in (scrypt each time: a few at once).
  o.log(`setting passwords for ${people.length} people…`);
  await inParallel(people, 4, async (p) => {
    const once = password();
    await admin.value('staff.setPassword', { id: p.id, password: once });
    const client = o.newClient();
    const signedIn = await client.value<Output<'auth.signIn'>>('auth.signIn', {
      login: p.login,
      password: once,
    });
    client.token = signedIn.token;
    p.password = password();
    await client.value('auth.changePassword', { current: once, next: p.password });
    await client.value('auth.signOut', {});
    client.close();
  });

  // The manager shares out the demo specialists' accounts to the added specialists.
  const added = people.filter((p) => p.role === 'specialist').slice(demoCount);
  if (added.length > 0 && demoSpecialists.length > 0) {
    const manager = o.newClient();
    const boss = people.find((p) => p.role === 'manager')!;
    manager.token = (
      await manager.value<Output<'auth.signIn'>>('auth.signIn', {
        login: boss.login,
        password: boss.password,
      })
    ).token;
    const pool: number[] = [];
    for (let offset = 0; pool.length < added.length * o.accountsEach; offset += 500) {
      const page = await manager.value<Output<'accounts.list'>>('accounts.list', {
        offset,
        limit: 500,
        sort: [{ field: 'createdAt', desc: false }],
        filters: [{ field: 'ownerId', op: 'in', values: demoSpecialists.map((s) => String(s.id)) }],
      });
      pool.push(...page.rows.map((r) => r.id));
      if (page.rows.length < 500) break;
    }
    const moves = pool
      .slice(0, added.length * o.accountsEach)
      .map((id, i) => ({ id, ownerId: added[i % added.length]!.id }));
    o.log(`handing ${moves.length} accounts to ${added.length} added specialists…`);
    await inParallel(moves, 4, async (m) => {
      const detail = await manager.value<AccountDetail>('accounts.get', { id: m.id });
      await manager.value('accounts.update', withOwner(detail, m.ownerId));
    });
    await manager.value('auth.signOut', {});
    manager.close();
  }
  return people;
}

function pick(s: Staff): Pick<Person, 'id' | 'name' | 'role'> {
  if (s.role === 'admin') throw new Error(`${s.name} is an admin, not a sales person`);
  return { id: s.id, name: s.name, role: s.role };
}
