/**
 * Live changes from the backend. In a browser: `GET /api/events`, read with fetch() and a stream
 * reader rather than EventSource, which cannot send the Authorization header; it reconnects with
 * a growing pause and resumes from the last event id. One connection per tab, open while
 * anything listens.
 */
import { type LiveEvent, type LiveTopic, liveEvent } from '../../../shared/schemas/live-events';
import { authHeaders, isResult } from './client';
import { reportSessionLost } from './client-session';
import { errorKind } from './error-details';

/** `reset`: events were missed (the server restarted, or the tab was away long): refetch all. */
export type LiveSignal = LiveEvent | 'reset';
export type LiveListener = (signal: LiveSignal) => void;
export type LiveState = 'off' | 'connecting' | 'connected';

const MIN_PAUSE_MS = 1_000;
const MAX_PAUSE_MS = 30_000;

const listeners = new Set<LiveListener>();
let stop: (() => void) | null = null;

function emit(signal: LiveSignal): void {
  for (const listener of listeners) listener(signal);
}

/** Shown on <html data-live> so a test (or a curious user in devtools) can tell the state. */
function setState(state: LiveState): void {
  document.documentElement.dataset.live = state;
}

function parse(data: string): LiveEvent | null {
  try {
    const parsed = liveEvent.safeParse(JSON.parse(data));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Reads server-sent events from a byte stream: blocks of `field: value` lines, ended by a blank line. */
async function readEvents(
  body: ReadableStream<Uint8Array>,
  onBlock: (fields: Record<string, string>) => void,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let pending = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    pending += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
    let end: number;
    while ((end = pending.indexOf('\n\n')) >= 0) {
      const block = pending.slice(0, end);
      pending = pending.slice(end + 2);
      const fields: Record<string, string> = {};
      for (const line of block.split('\n')) {
        if (line === '' || line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const name = colon < 0 ? line : line.slice(0, colon);
        const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        fields[name] =
          name === 'data' && fields.data !== undefined ? `${fields.data}\n${text}` : text;
      }
      onBlock(fields);
    }
  }
}

function connectOverHttp(): () => void {
  let stopped = false;
  let lastId: string | null = null;
  let pause = MIN_PAUSE_MS;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let aborter: AbortController | null = null;

  const run = async () => {
    aborter = new AbortController();
    setState('connecting');
    try {
      const response = await fetch('/api/events', {
        headers: {
          Accept: 'text/event-stream',
          ...authHeaders(),
          ...(lastId ? { 'Last-Event-ID': lastId } : {}),
        },
        signal: aborter.signal,
        cache: 'no-store',
      });
      if (response.ok && response.body) {
        await readEvents(response.body, (fields) => {
          if (fields.retry && Number(fields.retry) > 0) pause = Number(fields.retry);
          if (fields.id) lastId = fields.id;
          if (fields.event === 'ready') {
            setState('connected');
            pause = MIN_PAUSE_MS;
          } else if (fields.event === 'reset') emit('reset');
          else if (fields.event === 'change' && fields.data) {
            const event = parse(fields.data);
            if (event) emit(event);
          }
        });
      } else if (response.status === 403) {
        // The session ended on the server (signed out elsewhere, deactivated, expired): the app
        // goes back to its sign-in, which starts a new stream.
        const body = (await response.json().catch(() => null)) as unknown;
        if (isResult(body) && !body.ok && errorKind(body.error) === 'no_user') {
          reportSessionLost();
          stopped = true;
          setState('off');
          return;
        }
      } else await response.body?.cancel();
    } catch {
      // A dropped connection, or stop(): either way the loop below decides.
    }
    if (stopped) return;
    setState('connecting');
    timer = setTimeout(() => void run(), pause);
    pause = Math.min(pause * 2, MAX_PAUSE_MS);
  };
  void run();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    aborter?.abort();
    setState('off');
  };
}

/**
 * The solo Electron window has no stream: it is the only window on its database (one running
 * copy per user), it shows its own changes already, and jobs it starts report to it when done.
 */
function connect(): () => void {
  if (window.keyfleet) {
    setState('off');
    return () => undefined;
  }
  return connectOverHttp();
}

/** Listens to live changes; the connection opens with the first listener and closes with the last. */
export function onLiveEvent(listener: LiveListener): () => void {
  listeners.add(listener);
  stop ??= connect();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && stop) {
      stop();
      stop = null;
    }
  };
}

/** A match for changes of any of these topics (and for `reset`). */
export function onTopics(...topics: readonly LiveTopic[]): (event: LiveEvent) => boolean {
  return (event) => topics.includes(event.topic);
}
