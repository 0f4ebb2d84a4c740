/**
 * The contract workflows take "today" from the app's clock (deps.clock), not from the computer:
 * on a clock set years ahead, the next number is of that year, a delivery on the clock's day is
 * recorded with the clock's time and one a day later is refused as not yet happened.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SettableClock } from '../../shared/clock';
import { testApp, type TestApp } from '../helpers/app';
import { account } from '../helpers/fixtures';
import { finalContract, priceEntry, vins } from '../helpers/sales';

let app: TestApp;
afterEach(async () => app?.close());

describe('contracts on a set clock', () => {
  it('number, deliver and refuse by the clock’s day', async () => {
    // 2031-03-10 12:00 in China.
    const clock = new SettableClock('2031-03-10T04:00:00.000Z');
    app = await testApp(undefined, { clock });
    await app.value('auth.setUp', { name: '测试员', role: 'manager' });
    expect((await app.value('contracts.nextNumber', {})).number).toBe('HT2031-0001');

    const buyer = await app.value('accounts.create', {
      account: account({ name: '宁波市交通运输局', buyerType: 'government' }),
    });
    const price = await priceEntry(app);
    const contract = await finalContract(app, {
      accountId: buyer.id,
      partyName: buyer.name,
      priceId: price.id,
      quantity: 2,
      signedOn: '2031-03-01',
    });
    const [first, second] = vins(2);
    const delivery = {
      contractId: contract.id,
      lineId: contract.lines[0]!.id,
      registrationOwner: null,
      plate: null,
    };
    const delivered = await app.value('contracts.deliver', {
      ...delivery,
      vin: first!,
      deliveredOn: '2031-03-10',
    });
    expect(delivered.deliveries.map((d) => d.deliveredOn)).toEqual(['2031-03-10']);
    expect(delivered.updatedAt).toBe('2031-03-10T04:00:00.000Z');

    const early = await app.call('contracts.deliver', {
      ...delivery,
      vin: second!,
      deliveredOn: '2031-03-11',
    });
    expect(early.ok).toBe(false);
    if (!early.ok) expect(early.error.details).toMatchObject({ kind: 'date.future' });
  });
});
