import { describe, expect, it, vi } from 'vitest';
import { createEventBus } from './events.ts';

describe('the event bus', () => {
  it('runs listeners in order and resolves once all have run', async () => {
    const bus = createEventBus();
    const seen: string[] = [];
    bus.on('group.updated', async ({ groupId }) => {
      await new Promise((r) => setTimeout(r, 5));
      seen.push(`a:${groupId}`);
    });
    bus.on('group.updated', ({ groupId }) => void seen.push(`b:${groupId}`));
    bus.on('group.published', () => void seen.push('other'));
    await bus.emit('group.updated', { groupId: 'g1' });
    expect(seen).toEqual(['a:g1', 'b:g1']);
  });

  it('logs a failing listener and still runs the others; emit never rejects', async () => {
    const error = vi.fn();
    const bus = createEventBus({ log: { error } });
    const after = vi.fn();
    bus.on('session.deleted', () => {
      throw new Error('boom');
    });
    bus.on('session.deleted', after);
    await expect(bus.emit('session.deleted', { groupId: 'g', sessionId: 's' })).resolves.toBeUndefined();
    expect(after).toHaveBeenCalledWith({ groupId: 'g', sessionId: 's' });
    expect(error).toHaveBeenCalledWith({ event: 'session.deleted', err: 'boom' }, 'event listener failed');
  });

  it('unsubscribes', async () => {
    const bus = createEventBus();
    const listener = vi.fn();
    const off = bus.on('member.joined', listener);
    off();
    await bus.emit('member.joined', { groupId: 'g', userId: 'u' });
    expect(listener).not.toHaveBeenCalled();
  });
});
