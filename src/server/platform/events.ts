/**
 * The in-process event bus: modules tell each other what happened without importing each
 * other. A service emits *after* its transaction has committed (a listener must never see,
 * or act on, a change that is later rolled back); listeners react (the directory refreshes
 * its search row, later notifications or a realtime push).
 *
 * This is the "realtime bus" of DESIGN.md in its embedded form. Scaling out to several app
 * nodes means a Redis-backed implementation of the same interface that also publishes each
 * event to the other nodes; callers would not change.
 *
 * Delivery is synchronous and in order: `emit` resolves once every listener has run, so an
 * HTTP response sent after it already reflects the listeners' work (the directory row of a
 * group made private is gone by the time the leader sees "saved"). A listener that throws is
 * logged and does not affect the emitter nor the other listeners: the emitter's change has
 * already committed and cannot be undone by a listener's failure.
 */

/**
 * Every event, named in the past tense, with what it carries. Ids only: listeners re-read.
 * Modules add their own events to it by declaration merging (discussions.events.ts).
 * @public
 */
export interface DomainEvents {
  'group.founded': { groupId: string };
  /** Founding fields, visibility or place changed. */
  'group.updated': { groupId: string };
  'group.published': { groupId: string };
  'group.deleted': { groupId: string };
  'member.joined': { groupId: string; userId: string };
  'member.left': { groupId: string; userId: string; wasLeader: boolean };
  'member.removed': { groupId: string; userId: string; wasLeader: boolean };
  'leader.promoted': { groupId: string; userId: string };
  'leader.demoted': { groupId: string; userId: string };
  'session.scheduled': { groupId: string; sessionId: string };
  'session.updated': { groupId: string; sessionId: string };
  'session.deleted': { groupId: string; sessionId: string };
  /** One occurrence cancelled, restored or moved. */
  'occurrence.changed': { groupId: string; sessionId: string };
}

export type EventName = keyof DomainEvents;
type EventListener<K extends EventName> = (payload: DomainEvents[K]) => void | Promise<void>;

export interface EventBus {
  /** Subscribes; returns a function that unsubscribes. */
  on<K extends EventName>(name: K, listener: EventListener<K>): () => void;
  /** Runs every listener of `name` in subscription order; never rejects. */
  emit<K extends EventName>(name: K, payload: DomainEvents[K]): Promise<void>;
}

export interface EventBusOptions {
  log?: { error(obj: object, msg: string): void };
}

export function createEventBus(options: EventBusOptions = {}): EventBus {
  const listeners = new Map<EventName, EventListener<never>[]>();
  return {
    on(name, listener) {
      const list = listeners.get(name) ?? [];
      list.push(listener as EventListener<never>);
      listeners.set(name, list);
      return () => {
        const current = listeners.get(name) ?? [];
        listeners.set(
          name,
          current.filter((l) => l !== listener),
        );
      };
    },
    async emit(name, payload) {
      // A copy: a listener that unsubscribes (or subscribes) while running does not skip others.
      for (const listener of [...(listeners.get(name) ?? [])]) {
        try {
          await (listener as EventListener<typeof name>)(payload);
        } catch (err) {
          options.log?.error({ event: name, err: err instanceof Error ? err.message : String(err) }, 'event listener failed');
        }
      }
    },
  };
}
