/**
 * Claims and incentive filings in browser mode, through the UI: two colleagues' claims on one
 * organisation under two names shown as an internal overlap that the manager settles, another
 * dealer's claim ranked against ours with both sides named, a cross-territory claim held until authorised, a
 * government sale filed with its evidence and exported in the report, the policy's verdict on a
 * 3-unit purchase before and after an earlier 12-unit batch, and an invoice to the wrong name.
 * (Records that are only the scene are set up through the HTTP API, as colleagues entered them.)
 */
import ExcelJS from 'exceljs';
import { addDays, chinaDate } from '../../shared/dates';
import {
  expect,
  go,
  type KeyfleetServer,
  openAs,
  openDialog,
  pickAccount,
  switchUser,
  test,
} from './fixtures';
import { attachEvidence as attach, sale } from './filing-scene';

interface Ref {
  id: number;
}

const today = () => chinaDate();

async function staff(server: KeyfleetServer) {
  const manager = await server.call<Ref>('staff.create', { name: '张经理', role: 'manager' });
  await server.call('auth.pick', { staffId: manager.id });
  const li = await server.call<Ref>('staff.create', { name: '李明', role: 'specialist' });
  const wang = await server.call<Ref>('staff.create', { name: '王芳', role: 'specialist' });
  return { manager, li, wang };
}

test('two colleagues claim one organisation under two names: an internal overlap, named and dated, that the manager settles', async ({
  page,
  server,
}) => {
  const { li, wang } = await staff(server);
  const full = await server.call<Ref>('accounts.create', {
    account: {
      name: '北京市朝阳区城市管理委员会',
      buyerType: 'government',
      aliases: [{ alias: '朝阳区城管委', kind: 'alias' }],
      ownerId: li.id,
    },
  });
  await server.call('accounts.create', {
    account: { name: '朝阳区城管委', buyerType: 'government', ownerId: wang.id },
    acknowledgeDuplicates: true,
  });
  // 李明 has been developing the organisation for a while and filed first.
  await server.call('auth.pick', { staffId: li.id });
  for (const days of [30, 20, 10])
    await server.call('activities.create', {
      type: 'visit',
      accountId: full.id,
      occurredOn: addDays(today(), -days),
      summary: '拜访装备科',
    });
  const first = await server.call<Ref>('claims.create', { accountId: full.id });
  await server.call('claims.file', { id: first.id });

  await openAs(page, server, '王芳');
  await go(page, '/claims');
  await openDialog(page, 'claims-new', 'claim-form-submit');
  await pickAccount(page, 'claim-form-account', '朝阳区城管委');
  await page.getByTestId('claim-form-submit').click();
  const card = page.getByTestId('claim-card');
  await expect(card.getByTestId('claim-status')).toHaveText('草稿');
  await openDialog(page, 'claim-file', 'claim-file-confirm');
  await page.getByTestId('claim-file-confirm').click();
  // Colleagues are not ranked by the manufacturer's rules: no conflict, an overlap naming 李明.
  await expect(card.getByTestId('claim-status')).toHaveText('已报备');
  await expect(card.getByTestId('claim-overlap-alert')).toContainText(
    '店内重叠：李明 也在报备该单位',
  );
  await expect(card.getByTestId('claim-tab-conflict')).toHaveCount(0);
  const overlap = card.getByTestId('claim-overlap');
  await expect(overlap.getByTestId('overlap-hint')).toContainText('请经理裁定');
  await expect(overlap.getByTestId(`overlap-account-${first.id}`)).toContainText(
    '北京市朝阳区城市管理委员会',
  );
  await expect(overlap).not.toContainText('对方');
  const mine = Number(/\/claims\/(\d+)/.exec(page.url())![1]);

  // The manager settles it: 李明 keeps the organisation, 王芳's claim is released.
  await go(page, '/claims');
  await switchUser(page, '张经理');
  await go(page, `/claims/${mine}`);
  await openDialog(page, `overlap-keep-${first.id}`, 'overlap-settle-note');
  await page.getByTestId('overlap-settle-note').fill('李明开发在先，经理裁定由李明负责');
  await page.getByTestId('overlap-settle-submit').click();
  await expect(card.getByTestId('claim-status')).toHaveText('已释放');
  await expect(card.getByTestId('claim-overlap-alert')).toHaveCount(0);
});

test('another dealer’s claim is ranked against ours, both sides named', async ({
  page,
  server,
}) => {
  const { li } = await staff(server);
  const bureau = await server.call<Ref>('accounts.create', {
    account: { name: '杭州市交通运输局', buyerType: 'government', ownerId: li.id },
  });
  await server.call('claims.recordExternal', {
    accountId: bureau.id,
    dealerName: '杭州骏诚汽车销售服务有限公司',
    filedAt: new Date(Date.parse(`${addDays(today(), -3)}T02:00:00Z`)).toISOString(),
    evidenceCount: 0,
  });
  await server.call('auth.pick', { staffId: li.id });
  const draft = await server.call<Ref>('claims.create', { accountId: bureau.id });

  await openAs(page, server, '李明');
  await go(page, `/claims/${draft.id}`);
  const card = page.getByTestId('claim-card');
  await expect(card.getByTestId('claim-conflict-ahead')).toBeVisible();
  await expect(card.getByTestId('conflict-winner')).toHaveText(
    '胜出：杭州骏诚汽车销售服务有限公司 — 依据：报备时间（李明尚未提交报备）',
  );
});

test('a claim outside our territory is held until a manager records the authorisation', async ({
  page,
  server,
}) => {
  const { li } = await staff(server);
  await server.call('settings.setFiling', {
    territoryCodes: ['330100'],
    claimProtectionDays: 90,
    claimWarnDays: 14,
    policy: { governmentNoMinimum: true, minUnits: 5, annualBatchUnits: 10 },
  });
  const ningbo = await server.call<Ref>('accounts.create', {
    account: {
      name: '宁波市鄞州区教育局',
      buyerType: 'government',
      provinceCode: '330000',
      cityCode: '330200',
      districtCode: '330212',
      ownerId: li.id,
    },
  });
  await server.call('auth.pick', { staffId: li.id });
  const draft = await server.call<Ref>('claims.create', { accountId: ningbo.id });

  await openAs(page, server, '李明');
  await go(page, `/claims/${draft.id}`);
  const card = page.getByTestId('claim-card');
  await expect(card.getByTestId('claim-blockers')).toContainText('授权');
  await expect(card.getByTestId('claim-file')).toBeDisabled();
  await openDialog(page, 'claim-request-auth', 'auth-addressee');
  await page.getByTestId('auth-addressee').fill('宁波某某汽车销售服务有限公司');
  await page.getByTestId('auth-note').fill('客户由我店开发两年，申请跨区报备');
  await page.getByTestId('auth-request-submit').click();
  await expect(card.getByTestId('claim-auth-state')).toContainText('申请中');
  await expect(card.getByTestId('claim-file')).toBeDisabled();

  // The header's user menu lies under an open card: close it first.
  await go(page, '/claims');
  await switchUser(page, '张经理');
  await go(page, `/claims/${draft.id}`);
  await openDialog(page, 'claim-answer-auth', 'auth-answer-note');
  await page.getByTestId('auth-granted').click();
  await page.getByTestId('auth-reference').fill('SQ-2026-018');
  await page.getByTestId('auth-answer-note').fill('厂家区域经理同意');
  await page.getByTestId('auth-answer-submit').click();
  await expect(card.getByTestId('claim-auth-state')).toContainText('已授权');

  await go(page, '/claims');
  await switchUser(page, '李明');
  await go(page, `/claims/${draft.id}`);
  await openDialog(page, 'claim-file', 'claim-file-confirm');
  await page.getByTestId('claim-file-confirm').click();
  await expect(card.getByTestId('claim-status')).toHaveText('已报备');
});

test('a government sale is filed with its evidence and exported in the filing report', async ({
  page,
  server,
}) => {
  await staff(server);
  const gov = await server.call<Ref>('accounts.create', {
    account: { name: '杭州市公安局', buyerType: 'government' },
  });
  const contract = await sale(server, {
    accountId: gov.id,
    partyName: '杭州市公安局',
    units: 2,
    signedOn: addDays(today(), -15),
  });
  const filing = await server.call<Ref>('filings.create', { contractId: contract.id });

  await openAs(page, server, '张经理');
  await go(page, `/filings/${filing.id}`);
  await expect(page.getByTestId('filing-eligible')).toHaveText('符合');
  await expect(page.getByTestId('filing-submit')).toBeDisabled();
  for (const kind of ['procurement_contract', 'procurement_list', 'invoice'])
    await attach(page, kind);
  await expect(page.getByTestId('filing-submit')).toBeEnabled();
  await openDialog(page, 'filing-submit', 'submit-confirm');
  await page.getByTestId('submit-confirm').click();
  await expect(page.getByTestId('filing-status')).toHaveText('已报备');

  // Without the dealership's name and code the report is refused, saying where to set them.
  await go(page, '/filings');
  await openDialog(page, 'filings-export-report', 'report-export-start');
  await page.getByTestId('report-export-start').click();
  await expect(page.getByTestId('export-modal')).toContainText('销售设置 → 经销商信息');
  await page.getByTestId('export-close').click();
  await go(page, '/settings');
  await page.getByTestId('settings-tab-dealer').click();
  await page.getByTestId('dealer-name').fill('杭州顺达汽车销售服务有限公司');
  await page.getByTestId('dealer-code').fill('ZJ0571A');
  await page.getByTestId('dealer-save').click();
  await expect(page.getByText('设置已保存')).toBeVisible();

  await go(page, '/filings');
  await openDialog(page, 'filings-export-report', 'report-export-start');
  const download = page.waitForEvent('download');
  await page.getByTestId('report-export-start').click();
  const file = await (await download).path();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const text = book.worksheets[0]!.getSheetValues().flat().map(String).join('|');
  expect(text).toContain('杭州市公安局');
  expect(text).toContain('杭州顺达汽车销售服务有限公司（ZJ0571A）');
  expect(text).not.toContain('未设置');
  for (const d of contract.deliveries) expect(text).toContain(d.vin);

  // What was filed is on the audit chain, and the chain holds.
  await go(page, '/settings');
  await page.getByTestId('settings-tab-audit').click();
  await page.getByTestId('audit-verify').click();
  await expect(page.getByTestId('audit-verify-result')).toContainText('审计日志完整');
});

test('a 3-unit purchase of another organisation is rejected with its reason, then eligible after a 12-unit batch that year', async ({
  page,
  server,
}) => {
  await staff(server);
  const firm = await server.call<Ref>('accounts.create', {
    account: { name: '杭州顺风物流有限公司', buyerType: 'direct' },
  });
  const year = today().slice(0, 4);
  const small = await sale(server, {
    accountId: firm.id,
    partyName: '杭州顺风物流有限公司',
    units: 3,
    signedOn: `${year}-06-01`,
    registrationOwner: '杭州顺风物流有限公司',
  });
  const filing = await server.call<Ref>('filings.create', { contractId: small.id });

  await openAs(page, server, '张经理');
  await go(page, `/filings/${filing.id}`);
  await expect(page.getByTestId('filing-eligible')).toHaveText('不符合');
  await expect(page.getByTestId('rule-min_units')).toContainText('3');
  await expect(page.getByTestId('rule-min_units')).toContainText('5');
  await expect(page.getByTestId('filing-blockers')).toContainText('政策资格');

  // The contracts desk records the 12-unit batch signed in March.
  const batch = await sale(server, {
    accountId: firm.id,
    partyName: '杭州顺风物流有限公司',
    units: 12,
    signedOn: `${year}-03-05`,
    registrationOwner: '杭州顺风物流有限公司',
  });
  await page.reload();
  await expect(page.getByTestId('filing-eligible')).toHaveText('符合');
  await expect(page.getByTestId('rule-annual_batch')).toContainText(batch.number);
});

test('an invoice made out to another name is caught before the filing is submitted', async ({
  page,
  server,
}) => {
  const { li } = await staff(server);
  // 李明's account: a filing's checks are for the account's team and managers.
  const firm = await server.call<Ref>('accounts.create', {
    account: { name: '浙江远洋渔业集团有限公司', buyerType: 'direct', ownerId: li.id },
  });
  const c = await sale(server, {
    accountId: firm.id,
    partyName: '浙江远洋渔业集团有限公司',
    units: 5,
    signedOn: addDays(today(), -30),
    invoiceBuyer: '浙江远洋渔业有限公司',
    registrationOwner: '浙江远洋渔业集团有限公司',
  });
  const filing = await server.call<Ref>('filings.create', { contractId: c.id });

  await openAs(page, server, '李明');
  await go(page, `/filings/${filing.id}`);
  const check = page.getByTestId('check-invoice_buyer');
  await expect(check).toContainText('浙江远洋渔业有限公司');
  await expect(check).toContainText('浙江远洋渔业集团有限公司');
  await expect(page.getByTestId('filing-submit')).toBeDisabled();
  await expect(page.getByTestId('filing-blockers')).toContainText('发票');
});
