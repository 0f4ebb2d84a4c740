/** An account of the very same name is not a "similar" one: it is confirmed by naming the other. */
import { afterEach, describe, expect, it } from 'vitest';
import { signedInApp, type TestApp } from '../helpers/app';
import { account } from '../helpers/fixtures';
import { versionOf } from '../helpers/versions';

let app: TestApp;
afterEach(async () => app?.close());

describe('exact duplicate names', () => {
  it('are refused unless the request names the existing account, and the audit entry records it', async () => {
    app = await signedInApp();
    const first = await app.value('accounts.create', {
      account: account({ name: '杭州市公安局', buyerType: 'government' }),
    });
    const similar = await app.value('accounts.create', {
      account: account({ name: '杭州市公安局有限责任公司' }),
      acknowledgeDuplicates: true,
      confirmSameName: [],
    });
    // Width, spaces and brackets aside, the same legal name.
    const again = account({ name: '杭州市 公安局', buyerType: 'government' });

    const check = await app.value('accounts.checkDuplicates', { name: again.name });
    expect(check.similar).toEqual([
      expect.objectContaining({ id: first.id, matchedOn: 'sameName' }),
      expect.objectContaining({ id: similar.id, matchedOn: 'name' }),
    ]);

    for (const confirmation of [
      {},
      { acknowledgeDuplicates: true },
      { acknowledgeDuplicates: true, confirmSameName: [similar.id] },
    ]) {
      const r = await app.call('accounts.create', { account: again, ...confirmation });
      expect(r.ok, JSON.stringify(confirmation)).toBe(false);
      if (!r.ok)
        expect(r.error).toMatchObject({
          code: 'CONFLICT',
          details: { kind: 'same_name', matches: [{ id: first.id, name: '杭州市公安局' }] },
        });
    }
    // Confirming the same name does not wave the similar one through.
    const onlySame = await app.call('accounts.create', {
      account: again,
      confirmSameName: [first.id],
    });
    expect(!onlySame.ok && onlySame.error.details).toMatchObject({
      kind: 'possible_duplicate',
      matches: [{ id: similar.id }],
    });

    const second = await app.value('accounts.create', {
      account: again,
      acknowledgeDuplicates: true,
      confirmSameName: [first.id],
    });
    expect(second.id).not.toBe(first.id);
    const history = await app.value('accounts.history', { id: second.id });
    const created = history.rows.find((e) => e.action === 'account.create')!;
    expect(created.after).toMatchObject({
      sameNameConfirmed: [{ id: first.id, name: '杭州市公安局' }],
    });
    expect((await app.value('audit.verify', {})).ok).toBe(true);

    // Editing the confirmed account asks nothing again; renaming another one to the name does.
    const edited = await app.call('accounts.update', {
      id: second.id,
      version: await versionOf(app, 'accounts', second.id),
      account: { ...again, uscc: second.uscc, grade: 'A' },
    });
    expect(edited.ok).toBe(true);
    if (edited.ok) {
      const entries = await app.value('accounts.history', { id: second.id });
      expect(entries.rows.find((e) => e.action === 'account.update')!.after).not.toHaveProperty(
        'sameNameConfirmed',
      );
    }
    const other = await app.value('accounts.create', {
      account: account({ name: '宁波港集团有限公司' }),
    });
    const renamed = await app.call('accounts.update', {
      id: other.id,
      version: await versionOf(app, 'accounts', other.id),
      account: { ...account({ name: '杭州市公安局' }), uscc: other.uscc },
      acknowledgeDuplicates: true,
    });
    expect(!renamed.ok && renamed.error.details).toMatchObject({ kind: 'same_name' });
    const confirmed = await app.value('accounts.update', {
      id: other.id,
      version: await versionOf(app, 'accounts', other.id),
      account: { ...account({ name: '杭州市公安局' }), uscc: other.uscc },
      acknowledgeDuplicates: true,
      confirmSameName: [first.id, second.id],
    });
    expect(confirmed.name).toBe('杭州市公安局');
    const log = await app.value('accounts.history', { id: other.id });
    expect(log.rows.find((e) => e.action === 'account.update')!.after).toMatchObject({
      sameNameConfirmed: [
        { id: first.id, name: '杭州市公安局' },
        { id: second.id, name: '杭州市 公安局' },
      ],
    });
  });
});
