/** Who hears of which change: the stream's visibility rule, case by case. */
import { describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../electron/events/hub';
import { canSee } from '../../electron/events/visibility';

const li = { id: 2, role: 'specialist' as const };
const wang = { id: 3, role: 'specialist' as const };
const boss = { id: 9, role: 'manager' as const };
const admin = { id: 10, role: 'admin' as const };

/** A change on li's account (id 5) by li. */
function change(patch: Partial<ChangeEvent> = {}): ChangeEvent {
  return {
    topic: 'contacts',
    kind: 'created',
    recordId: 7,
    accountId: 5,
    ownerId: li.id,
    actorId: li.id,
    teamIds: [li.id],
    to: [],
    concerns: [],
    origin: null,
    ...patch,
  };
}

describe('live event visibility', () => {
  it('shows the whole store to managers and admins', () => {
    for (const user of [boss, admin]) expect(canSee(user, change())).toBe(true);
  });

  it('shows a specialist the records of accounts on whose team they are, not a colleague’s', () => {
    expect(canSee(li, change())).toBe(true);
    expect(canSee(wang, change())).toBe(false);
    // A co-owner is on the team too (the team is resolved with the event).
    expect(canSee(wang, change({ teamIds: [li.id, wang.id] }))).toBe(true);
    // An account without an owner belongs to no specialist's team.
    expect(canSee(wang, change({ ownerId: null, teamIds: [], actorId: boss.id }))).toBe(false);
  });

  it('shows everyone the registry and store-wide lists, and changes to many', () => {
    expect(canSee(wang, change({ topic: 'accounts', recordId: 5 }))).toBe(true);
    for (const topic of ['staff', 'settings', 'prices', 'kpi'] as const)
      expect(canSee(wang, change({ topic, accountId: null, teamIds: [] }))).toBe(true);
    expect(canSee(wang, change({ topic: 'claims', recordId: null, accountId: null }))).toBe(true);
  });

  it('shows what is addressed to someone, their own changes and overlaps on their claims', () => {
    const decided = change({ topic: 'approvals', actorId: boss.id, to: [wang.id] });
    expect(canSee(wang, decided)).toBe(true);
    expect(canSee(wang, change({ actorId: wang.id }))).toBe(true);
    expect(canSee(wang, change({ topic: 'claims', concerns: [li.id, wang.id] }))).toBe(true);
    expect(canSee({ id: 4, role: 'specialist' }, decided)).toBe(false);
  });
});
