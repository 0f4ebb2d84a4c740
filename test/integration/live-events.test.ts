/**
 * The live event stream over a real HTTP server: several signed-in tabs, each its own user; a
 * write by one reaches the streams of those who may see it, and only theirs.
 */
import http from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Input, MethodName, Output } from '../../shared/api';
import { liveEvent, type LiveEvent } from '../../shared/schemas/live-events';
import { createHttpServer, listenLoopback } from '../../electron/transport/http';
import { MAX_STREAMS_PER_USER } from '../../electron/events/sse';
import { testApp, type TestApp } from '../helpers/app';
import { account } from '../helpers/fixtures';

const TOKEN = 'secret-token';
let app: TestApp;
let server: http.Server | null = null;
const streams: Stream[] = [];

afterEach(async () => {
  for (const s of streams.splice(0)) s.close();
  if (server) {
    server.closeAllConnections();
    await new Promise((r) => server!.close(r));
  }
  server = null;
  await app?.close();
});

interface Stream {
  status: number;
  ended: boolean;
  body: string;
  changes: LiveEvent[];
  /** Waits until a change matching `match` has arrived. */
  until(match: (e: LiveEvent) => boolean): Promise<LiveEvent>;
  close(): void;
}

async function start() {
  app = await testApp();
  server = createHttpServer({ dispatch: app.dispatch, token: TOKEN, events: app.events });
  const port = await listenLoopback(server, 0);
  // The test's own (non-HTTP) client is an admin, who adds the staff below.
  await app.value('auth.setUp', { name: '管理员', role: 'admin' });

  const headersFor = (tab: string | null, token: string | null = TOKEN) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (tab) headers['x-keyfleet-session'] = tab;
    return headers;
  };

  /** Calls a method as the given tab; fails the test on an error result. */
  const as = <M extends MethodName>(tab: string, method: M, input: Input<M>) =>
    new Promise<Output<M>>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          path: `/api/${method}`,
          method: 'POST',
          headers: headersFor(tab),
        },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => {
            const r = JSON.parse(text) as { ok: boolean; value: Output<M>; error?: unknown };
            if (r.ok) resolve(r.value);
            else reject(new Error(`${method}: ${JSON.stringify(r.error)}`));
          });
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify(input));
    });

  /** Opens the stream as the tab; resolves once it is subscribed (or refused). */
  const stream = (tab: string | null, token: string | null = TOKEN, lastEventId?: string) =>
    new Promise<Stream>((resolve, reject) => {
      const req = http.request({
        host: '127.0.0.1',
        port,
        path: '/api/events',
        method: 'GET',
        headers: {
          ...headersFor(tab, token),
          ...(lastEventId ? { 'last-event-id': lastEventId } : {}),
        },
      });
      req.on('response', (res) => {
        const s: Stream = {
          status: res.statusCode ?? 0,
          ended: false,
          body: '',
          changes: [],
          until: (match) =>
            vi.waitFor(
              () => {
                const found = s.changes.find(match);
                if (!found) throw new Error(`not yet; so far: ${s.body}`);
                return found;
              },
              { timeout: 10_000, interval: 10 },
            ),
          close: () => req.destroy(),
        };
        streams.push(s);
        let pending = '';
        res.on('data', (chunk: Buffer) => {
          s.body += chunk.toString();
          pending += chunk.toString();
          let end: number;
          while ((end = pending.indexOf('\n\n')) >= 0) {
            const block = pending.slice(0, end);
            pending = pending.slice(end + 2);
            const type = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (type === 'change' && data) s.changes.push(liveEvent.parse(JSON.parse(data)));
            if (type === 'ready') resolve(s);
          }
        });
        res.on('end', () => {
          s.ended = true;
          resolve(s);
        });
      });
      req.on('error', reject);
      req.end();
    });

  return { as, stream };
}

/** Signs a new staff member in on their own tab. */
async function staffTab(
  as: Awaited<ReturnType<typeof start>>['as'],
  tab: string,
  name: string,
  role: 'specialist' | 'manager',
) {
  const person = await app.value('staff.create', { name, role });
  await as(tab, 'auth.pick', { staffId: person.id });
  return person;
}

describe('GET /api/events', () => {
  it('is refused without the token and without a signed-in user', async () => {
    const { stream } = await start();
    expect((await stream('tab-nobody-1', null)).status).toBe(401);
    const refused = await stream('tab-nobody-1');
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.body)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', details: { kind: 'no_user' } },
    });
  });

  it('sends a colleague’s write live, filtered by who may see the account', async () => {
    const { as, stream } = await start();
    const li = await staffTab(as, 'tab-li-000001', '李明', 'specialist');
    const wang = await staffTab(as, 'tab-wang-00001', '王芳', 'specialist');
    await staffTab(as, 'tab-boss-00001', '赵经理', 'manager');
    const liStream = await stream('tab-li-000001');
    const wangStream = await stream('tab-wang-00001');
    const bossStream = await stream('tab-boss-00001');
    expect(liStream.body).toMatch(/^retry: \d+\n\n/);

    const mine = await as('tab-li-000001', 'accounts.create', {
      account: account({ name: '杭州市公安局', ownerId: li.id }),
    });
    // The registry is everyone's: the new name reaches the colleague and the manager.
    for (const s of [wangStream, bossStream])
      await s.until((e) => e.topic === 'accounts' && e.recordId === mine.id);

    const contact = await as('tab-li-000001', 'contacts.create', {
      accountId: mine.id,
      name: '张科长',
    });
    const seen = await bossStream.until((e) => e.topic === 'contacts');
    expect(seen).toEqual({
      id: expect.stringMatching(/^\w+\.\d+$/),
      topic: 'contacts',
      kind: 'created',
      recordId: contact.id,
      accountId: mine.id,
      ownerId: li.id,
      actorId: li.id,
      at: expect.any(String),
    });
    // Codes and ids only: no name, no phone travels on the stream.
    expect(bossStream.body).not.toContain('张科长');

    // A later change the colleague may see: once it is there, the contact event would have been.
    const theirs = await as('tab-wang-00001', 'accounts.create', {
      account: account({ name: '宁波市税务局', ownerId: wang.id }),
    });
    await as('tab-wang-00001', 'contacts.create', { accountId: theirs.id, name: '周主任' });
    await liStream.until((e) => e.topic === 'accounts' && e.recordId === theirs.id);
    await bossStream.until((e) => e.topic === 'contacts' && e.accountId === theirs.id);
    expect(
      wangStream.changes.filter((e) => e.accountId === mine.id && e.topic !== 'accounts'),
    ).toEqual([]);
    expect(liStream.changes.filter((e) => e.topic === 'contacts')).toEqual([]);
    // A tab is not told of its own changes: it shows them already.
    expect(liStream.changes.filter((e) => e.actorId === li.id)).toEqual([]);

    // A delete is routed by the account the record belonged to.
    await as('tab-li-000001', 'contacts.delete', { id: contact.id });
    expect(
      await bossStream.until((e) => e.topic === 'contacts' && e.kind === 'deleted'),
    ).toMatchObject({ recordId: contact.id, accountId: mine.id, ownerId: li.id });
  });

  it('tells managers of a below-floor request and the requester of the decision', async () => {
    const { as, stream } = await start();
    const li = await staffTab(as, 'tab-li-000001', '李明', 'specialist');
    await staffTab(as, 'tab-wang-00001', '王芳', 'specialist');
    const boss = await staffTab(as, 'tab-boss-00001', '赵经理', 'manager');
    const gov = await as('tab-boss-00001', 'accounts.create', {
      account: account({ name: '杭州市公安局', buyerType: 'government', ownerId: li.id }),
    });
    const price = await as('tab-boss-00001', 'prices.save', {
      entry: { model: '帕萨特', configuration: null, retailFen: 22_000_000, floorFen: 19_000_000 },
    });
    const contract = await as('tab-li-000001', 'contracts.create', {
      number: 'HT-LIVE-1',
      accountId: gov.id,
      partyName: gov.name,
      lines: [{ priceId: price.id, quantity: 3, unitPriceFen: 18_000_000 }],
    });
    const liStream = await stream('tab-li-000001');
    const wangStream = await stream('tab-wang-00001');
    const bossStream = await stream('tab-boss-00001');

    const asked = await as('tab-li-000001', 'contracts.requestApproval', {
      contractId: contract.id,
      reason: '批量采购',
    });
    const approvalId = asked.approvals[0]!.id;
    expect(
      await bossStream.until((e) => e.topic === 'approvals' && e.decision === 'pending'),
    ).toMatchObject({
      recordId: approvalId,
      requesterId: li.id,
      accountId: gov.id,
      kind: 'created',
    });

    await as('tab-boss-00001', 'contracts.decideApproval', {
      approvalId,
      approve: true,
      note: '同意',
    });
    expect(
      await liStream.until((e) => e.topic === 'approvals' && e.decision === 'approved'),
    ).toMatchObject({
      recordId: approvalId,
      contractId: contract.id,
      requesterId: li.id,
      actorId: boss.id,
    });
    await liStream.until((e) => e.topic === 'contracts' && e.recordId === contract.id);
    expect((await as('tab-li-000001', 'myDay.get', {})).approvalDecisions).toEqual([
      expect.objectContaining({
        id: approvalId,
        state: 'approved',
        decidedBy: { id: boss.id, name: '赵经理' },
      }),
    ]);
    expect((await as('tab-boss-00001', 'contracts.pendingApprovals', {})).items).toEqual([]);
    // The colleague has no part in it: a later store-wide change arrives, the approval never did.
    await as('tab-boss-00001', 'prices.save', {
      entry: { model: '途观L', configuration: null, retailFen: 25_000_000, floorFen: 21_000_000 },
    });
    await wangStream.until(
      (e) =>
        e.topic === 'prices' &&
        e.actorId === boss.id &&
        e.kind === 'updated' &&
        e.recordId !== price.id,
    );
    expect(
      wangStream.changes.filter((e) => e.topic === 'approvals' || e.topic === 'contracts'),
    ).toEqual([]);
  });

  it('ends the stream when its tab signs out, and resumes from Last-Event-ID', async () => {
    const { as, stream } = await start();
    await staffTab(as, 'tab-li-000001', '李明', 'specialist');
    await staffTab(as, 'tab-boss-00001', '赵经理', 'manager');
    const first = await stream('tab-boss-00001');
    const s = await stream('tab-li-000001');
    const a = await as('tab-li-000001', 'accounts.create', {
      account: account({ name: '甲单位' }),
    });
    const seen = await first.until((e) => e.recordId === a.id);
    first.close();
    const b = await as('tab-li-000001', 'accounts.create', {
      account: account({ name: '乙单位' }),
    });

    // Back after a dropped connection: what happened meanwhile comes first, then the live ones.
    const resumed = await stream('tab-boss-00001', TOKEN, seen.id);
    expect(resumed.changes.map((e) => e.recordId)).toEqual([b.id]);
    // From another server run (or too long ago): told to refetch everything.
    const stale = await stream('tab-boss-00001', TOKEN, 'otherrun.1');
    expect(stale.body).toContain('event: reset');

    await as('tab-li-000001', 'auth.signOut', {});
    // The next change finds the stream's session signed out and ends the stream, unsent.
    const added = await app.value('staff.create', { name: '新同事', role: 'specialist' });
    await vi.waitFor(() => expect(s.ended).toBe(true));
    expect(s.changes.map((e) => e.topic)).toEqual([]);
    await resumed.until((e) => e.topic === 'staff' && e.recordId === added.id);
  });

  it('limits the streams one user holds open', async () => {
    const { as, stream } = await start();
    await staffTab(as, 'tab-li-000001', '李明', 'specialist');
    const open = await Promise.all(
      Array.from({ length: MAX_STREAMS_PER_USER }, () => stream('tab-li-000001')),
    );
    expect(open.map((s) => s.status)).toEqual(open.map(() => 200));
    const refused = await stream('tab-li-000001');
    expect(refused.status).toBe(429);
    expect(JSON.parse(refused.body)).toMatchObject({ error: { details: { kind: 'streams' } } });
    open[0]!.close();
    await vi.waitFor(async () => {
      const again = await stream('tab-li-000001');
      expect(again.status).toBe(200);
    });
  });
});
