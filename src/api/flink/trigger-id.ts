import { isApiError } from '../errors';

/** Flink's TriggerId format: 32 hex characters (16 random bytes). */
export const TRIGGER_ID_PATTERN = /^[0-9a-f]{32}$/;

export function newTriggerId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

type Held = { id: string; state: 'sending' | 'accepted' | 'rejected' };

/**
 * Keeps one trigger id per user intent, so resends land on the operation Flink already runs
 * (Flink deduplicates triggers by id) instead of starting a second savepoint:
 * - a send in flight, or one whose fate is unknown (network error, timeout, 502), reuses its id;
 * - after Flink accepted an id, it is reused while that operation is still IN_PROGRESS;
 * - once it finished, was forgotten (404), or Flink rejected the request, a fresh id is made.
 * Decisions are serialised so two fast clicks cannot both decide on a fresh id.
 */
export class TriggerIdKeeper {
  private held: Held | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  /** The id to send now; `isRunning` asks Flink whether an accepted id's operation still runs. */
  next(isRunning: (id: string) => Promise<boolean>): Promise<string> {
    const decision = this.queue.then(() => this.decide(isRunning));
    this.queue = decision.catch(() => undefined);
    return decision;
  }

  private async decide(isRunning: (id: string) => Promise<boolean>): Promise<string> {
    const held = this.held;
    if (held?.state === 'sending') return held.id;
    if (held?.state === 'accepted' && (await isRunning(held.id))) return held.id;
    const id = newTriggerId();
    this.held = { id, state: 'sending' };
    return id;
  }

  /** Runs the trigger request for `id` and records what became of it. */
  async send<T>(id: string, run: () => Promise<T>): Promise<T> {
    try {
      const result = await run();
      if (this.held?.id === id) this.held = { id, state: 'accepted' };
      return result;
    } catch (e) {
      // Only an HTTP error status proves Flink refused it; after an outage or an odd answer the
      // fate is unknown, so 'sending' stays and the retry reuses the id.
      const refused = isApiError(e) && e.kind === 'http' && !e.isOutage;
      if (refused && this.held?.id === id) this.held = { id, state: 'rejected' };
      throw e;
    }
  }

  /** The id last sent, if any (for showing its status after a remount). */
  get current(): string | undefined {
    return this.held?.state === 'rejected' ? undefined : this.held?.id;
  }
}

const keepers = new Map<string, TriggerIdKeeper>();

/** One keeper per (operation, cluster, job): survives remounts of the dialog that triggers it. */
export function triggerIdKeeper(...scope: string[]): TriggerIdKeeper {
  const key = JSON.stringify(scope);
  let keeper = keepers.get(key);
  if (!keeper) {
    keeper = new TriggerIdKeeper();
    keepers.set(key, keeper);
  }
  return keeper;
}

const inFlight = new Map<string, Promise<unknown>>();

/** Concurrent calls with the same key share one request (a double click sends once). */
export function shareInFlight<T>(key: string, run: () => Promise<T>): Promise<T> {
  const running = inFlight.get(key);
  if (running) return running as Promise<T>;
  const started = run().finally(() => inFlight.delete(key));
  inFlight.set(key, started);
  return started;
}
