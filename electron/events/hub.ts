/**
 * The event hub: every successful write is published here once, and each open stream receives
 * the events its user may see. Keeps the last events of this server run so a client that
 * reconnects (Last-Event-ID) misses nothing; one that was away longer is told to refetch all.
 */
import { randomBytes } from 'node:crypto';
import type { LiveEvent } from '../../shared/schemas/live-events';
import { nowIso } from '../../shared/clock';

/** What the server knows about a change; only the `LiveEvent` part leaves it. */
export interface ChangeEvent extends Omit<LiveEvent, 'id' | 'at'> {
  /** Everyone on the account's team (owner and co-owners): they see the account's records. */
  teamIds: number[];
  /** Staff the change is addressed to, whatever the account (the requester of a decision). */
  to: number[];
  /** Staff whose own records it concerns (colleagues with a claim on the same organisation). */
  concerns: number[];
  /** The client (window or tab) that made the change: it already shows it. */
  origin: string | null;
}

export interface PublishedEvent {
  seq: number;
  change: ChangeEvent;
  wire: LiveEvent;
}

export type Listener = (event: PublishedEvent) => void;

const KEEP = 500;

export class EventHub {
  /** Names this server run, so ids from an earlier run are never taken for this run's. */
  readonly run = randomBytes(4).toString('hex');
  private seq = 0;
  private readonly recent: PublishedEvent[] = [];
  private readonly listeners = new Set<Listener>();

  publish(change: ChangeEvent): PublishedEvent {
    this.seq += 1;
    const { teamIds: _t, to: _to, concerns: _c, origin: _o, ...fields } = change;
    const event: PublishedEvent = {
      seq: this.seq,
      change,
      wire: { id: `${this.run}.${this.seq}`, ...fields, at: nowIso() },
    };
    this.recent.push(event);
    if (this.recent.length > KEEP) this.recent.shift();
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // One broken stream never stops the others.
      }
    }
    return event;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get lastId(): string {
    return `${this.run}.${this.seq}`;
  }

  /**
   * The events after `lastEventId`, or null when they cannot be told (another server run, or
   * older than the events kept): the client then refetches what it shows.
   */
  since(lastEventId: string): PublishedEvent[] | null {
    const [run, seqText] = lastEventId.split('.');
    const seq = Number(seqText);
    if (run !== this.run || !Number.isInteger(seq) || seq < 0 || seq > this.seq) return null;
    const oldest = this.recent[0]?.seq ?? this.seq + 1;
    if (seq < oldest - 1) return null;
    return this.recent.filter((e) => e.seq > seq);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}
