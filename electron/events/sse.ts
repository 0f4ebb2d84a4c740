/**
 * `GET /api/events`: the hub's events a signed-in user may see, as a server-sent event stream.
 * A comment every 25 s keeps proxies and idle sockets from closing it; `retry:` tells the client
 * how soon to come back; `Last-Event-ID` resumes without a gap. The stream ends when its session
 * signs out or changes user (the client reconnects as whoever is signed in then).
 */
import type http from 'node:http';
import type { ErrorCode, ErrorKind } from '../../shared/result';
import type { Staff } from '../../shared/schemas/staff';
import type { Session } from '../session/session';
import type { EventHub, PublishedEvent } from './hub';
import { canSee } from './visibility';

const HEARTBEAT_MS = 25_000;
const RETRY_MS = 3_000;
/** Streams one user may hold open (tabs and windows); one more is refused until one closes. */
export const MAX_STREAMS_PER_USER = 8;

const openStreams = new WeakMap<EventHub, Map<number, number>>();

function refuse(
  res: http.ServerResponse,
  status: number,
  code: ErrorCode,
  message: string,
  kind: ErrorKind,
) {
  const text = JSON.stringify({ ok: false, error: { code, message, details: { kind } } });
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(text);
}

interface StreamOptions {
  heartbeatMs?: number;
  maxStreamsPerUser?: number;
  /** The client the session belongs to: its own changes are not echoed back to it. */
  clientId?: string;
}

export function serveEvents(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  session: Session,
  hub: EventHub,
  options: StreamOptions = {},
): void {
  req.resume();
  if (req.method !== 'GET') {
    res.setHeader('Connection', 'close');
    return refuse(res, 405, 'VALIDATION', 'the event stream is read with GET', 'method');
  }
  const signedIn: Staff | null = session.user;
  if (!signedIn) {
    res.setHeader('Connection', 'close');
    return refuse(res, 403, 'FORBIDDEN', 'sign in first', 'no_user');
  }
  const user = signedIn;
  const counts = openStreams.get(hub) ?? new Map<number, number>();
  openStreams.set(hub, counts);
  const limit = options.maxStreamsPerUser ?? MAX_STREAMS_PER_USER;
  if ((counts.get(user.id) ?? 0) >= limit) {
    res.setHeader('Connection', 'close');
    return refuse(res, 429, 'CONFLICT', `at most ${limit} live streams per user`, 'streams');
  }
  counts.set(user.id, (counts.get(user.id) ?? 0) + 1);

  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    // Proxies (nginx) must not buffer the stream.
    'X-Accel-Buffering': 'no',
    Connection: 'keep-alive',
  });
  req.socket.setNoDelay(true);
  req.socket.setKeepAlive(true);

  let closed = false;
  const send = (event: PublishedEvent) => {
    const current = session.user;
    if (current?.id !== user.id) return close();
    if (options.clientId !== undefined && event.change.origin === options.clientId) return;
    if (!canSee(current, event.change)) return;
    res.write(`id: ${event.wire.id}\nevent: change\ndata: ${JSON.stringify(event.wire)}\n\n`);
  };

  res.write(`retry: ${RETRY_MS}\n\n`);
  const lastEventId = req.headers['last-event-id'];
  const missed = typeof lastEventId === 'string' && lastEventId ? hub.since(lastEventId) : [];
  // The client was away too long to catch up event by event: it refetches what it shows.
  if (missed === null) res.write(`id: ${hub.lastId}\nevent: reset\ndata: {}\n\n`);
  else for (const event of missed) send(event);
  res.write(`event: ready\ndata: ${JSON.stringify({ lastId: hub.lastId })}\n\n`);

  const unsubscribe = hub.subscribe(send);
  const heartbeat = setInterval(() => {
    if (session.user?.id !== user.id) return close();
    res.write(': ping\n\n');
  }, options.heartbeatMs ?? HEARTBEAT_MS);
  heartbeat.unref();

  function close(): void {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    unsubscribe();
    const left = (counts.get(user.id) ?? 1) - 1;
    if (left > 0) counts.set(user.id, left);
    else counts.delete(user.id);
    if (!res.writableEnded) res.end();
  }
  res.on('close', close);
  res.on('error', close);
}
