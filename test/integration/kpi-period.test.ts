/**
 * KPI attainment over a week and a month: daily targets times China's working days (the 2026
 * Spring Festival's holidays out, its make-up Saturdays in), beside the activities recorded; a
 * specialist sees their own row, a manager everyone's.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SettableClock } from '../../shared/clock';
import { periodRange } from '../../electron/kpi/attainment';
import { testApp, type TestApp } from '../helpers/app';
import { tempDir } from '../helpers/db';
import { account } from '../helpers/fixtures';

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

describe('KPI attainment over working days', () => {
  it('names the week (Monday to Sunday) and the month that hold a day', () => {
    expect(periodRange('week', '2026-02-18')).toEqual(['2026-02-16', '2026-02-22']);
    expect(periodRange('week', '2026-02-16')).toEqual(['2026-02-16', '2026-02-22']);
    expect(periodRange('week', '2026-02-22')).toEqual(['2026-02-16', '2026-02-22']);
    expect(periodRange('month', '2026-02-18')).toEqual(['2026-02-01', '2026-02-28']);
    expect(periodRange('month', '2024-02-09')).toEqual(['2024-02-01', '2024-02-29']);
  });

  it('sums daily targets over the Spring Festival month and counts what each did', async () => {
    const clock = new SettableClock('2026-02-10T02:00:00.000Z');
    app = await testApp(tempDir(), { clock });
    const manager = await app.value('auth.setUp', { name: '王经理', role: 'manager' });
    const li = await app.value('staff.create', { name: '李专员', role: 'specialist' });
    await app.value('kpi.setTargets', { staffId: null, targets: { visit: 2, call: 5 } });
    await app.value('kpi.setTargets', { staffId: li.id, targets: { visit: 3 } });
    const acc = await app.value('accounts.create', { account: account({ ownerId: li.id }) });

    await app.value('auth.pick', { staffId: li.id });
    for (const occurredOn of ['2026-02-09', '2026-02-10', '2026-01-30'])
      await app.value('activities.create', { type: 'visit', accountId: acc.id, occurredOn });
    await app.value('activities.create', {
      type: 'call',
      accountId: acc.id,
      occurredOn: '2026-02-10',
    });

    // Li sees only Li: 16 working days in February 2026 (20 weekdays, 6 off, 2 Saturdays worked).
    const mine = await app.value('kpi.period', { period: 'month' });
    expect(mine).toMatchObject({ from: '2026-02-01', to: '2026-02-28', workingDays: 16 });
    expect(mine.scheduleKnown).toBe(true);
    expect(mine.rows).toEqual([
      {
        staffId: li.id,
        name: '李专员',
        items: [
          { type: 'visit', target: 48, done: 2 },
          { type: 'call', target: 0, done: 1 },
        ],
      },
    ]);

    // The Spring Festival week has no working day: targets 0, the work done still counted.
    const holiday = await app.value('kpi.period', { period: 'week', date: '2026-02-18' });
    expect(holiday.workingDays).toBe(0);

    // The manager sees the team: their own defaults (2 visits, 5 calls a day) and Li's.
    await app.value('auth.pick', { staffId: manager.id });
    const team = await app.value('kpi.period', { period: 'week' });
    expect(team).toMatchObject({ from: '2026-02-09', to: '2026-02-15', workingDays: 6 });
    expect(team.rows.map((r) => [r.name, r.items])).toEqual([
      [
        '王经理',
        [
          { type: 'visit', target: 12, done: 0 },
          { type: 'call', target: 30, done: 0 },
        ],
      ],
      [
        '李专员',
        [
          { type: 'visit', target: 18, done: 2 },
          { type: 'call', target: 0, done: 1 },
        ],
      ],
    ]);
  });
});
