/**
 * Personal details really gone: after a contact is deleted (or its personal details cleared),
 * neither the database file nor its WAL holds a readable copy — not in free pages, not in old WAL
 * frames, not in the audit log.
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { signedInApp, type TestApp } from '../helpers/app';
import { account } from '../helpers/fixtures';

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

const HOBBY = '收藏紫檀木雕-xq7Zr';
const HOMETOWN = '浙江省龙泉市小梅镇-k2Lp';
const BIRTHDAY = '1961-07-29';
const OLD_PHONE = '13912345678';
const PHONE = '13987654321';
const EMAIL = 'zhou.jianguo.x9@example.cn';
const SECRETS = [HOBBY, HOMETOWN, BIRTHDAY, OLD_PHONE, PHONE, EMAIL];

/** Which of the strings appear, as UTF-8 bytes, in the database file or its WAL. */
function foundInFiles(a: TestApp, strings: string[]): string[] {
  const bytes = ['', '-wal']
    .map((suffix) => a.dbFile + suffix)
    .filter((f) => fs.existsSync(f))
    .map((f) => fs.readFileSync(f));
  return strings.filter((s) => bytes.some((b) => b.includes(Buffer.from(s, 'utf8'))));
}

async function contactWithDetails(a: TestApp, accountName: string) {
  const acc = await a.value('accounts.create', { account: account({ name: accountName }) });
  const c = await a.value('contacts.create', {
    accountId: acc.id,
    name: '周建国',
    purchaseRole: 'decision_maker',
    phone: OLD_PHONE,
    email: EMAIL,
  });
  const changed = await a.value('contacts.update', {
    id: c.id,
    version: c.version,
    accountId: acc.id,
    name: '周建国',
    purchaseRole: 'decision_maker',
    phone: PHONE,
    email: EMAIL,
  });
  await a.value('contacts.setPersonal', {
    contactId: c.id,
    personal: {
      birthday: BIRTHDAY,
      hometown: HOMETOWN,
      education: null,
      hobbies: HOBBY,
      schedule: null,
      careerGoals: null,
      family: null,
      notes: null,
    },
  });
  expect((await a.value('contacts.getPersonal', { contactId: c.id })).hobbies).toBe(HOBBY);
  return { account: acc, contact: changed };
}

describe('personal details really gone', () => {
  it('leaves no readable copy in the file or the WAL after a contact is deleted', async () => {
    app = await signedInApp();
    const { account: acc, contact } = await contactWithDetails(app, '杭州擦除测试有限公司');
    // The scan sees them while they are there (so it can fail)…
    expect(foundInFiles(app, [HOBBY, HOMETOWN, BIRTHDAY, PHONE])).toEqual([
      HOBBY,
      HOMETOWN,
      BIRTHDAY,
      PHONE,
    ]);
    await app.value('contacts.delete', { id: contact.id });
    // …and finds none of them after the delete, not even the phone number it replaced.
    expect(foundInFiles(app, SECRETS)).toEqual([]);
    // The history still says what happened, and that phone and email were set.
    const history = await app.value('accounts.history', { id: acc.id });
    expect(history.rows.map((r) => r.action)).toContain('contact.delete');
    const created = history.rows.find((r) => r.action === 'contact.create')!;
    expect(created.after).toMatchObject({ name: '周建国', identifiersChanged: ['phone', 'email'] });
    const updated = history.rows.find((r) => r.action === 'contact.update')!;
    expect(updated.after).toMatchObject({ identifiersChanged: ['phone'] });
    expect(await app.value('audit.verify', {})).toMatchObject({ ok: true });
  });

  it('leaves no copy of cleared personal details, and none of an account deleted with its contacts', async () => {
    app = await signedInApp();
    const { account: acc, contact } = await contactWithDetails(app, '杭州清除测试有限公司');
    await app.value('contacts.setPersonal', {
      contactId: contact.id,
      personal: {
        birthday: null,
        hometown: null,
        education: null,
        hobbies: null,
        schedule: null,
        careerGoals: null,
        family: null,
        notes: null,
      },
    });
    expect(foundInFiles(app, [HOBBY, HOMETOWN, BIRTHDAY])).toEqual([]);
    expect(foundInFiles(app, [PHONE])).toEqual([PHONE]);

    await app.value('accounts.delete', { id: acc.id });
    expect(foundInFiles(app, SECRETS)).toEqual([]);
  });
});
