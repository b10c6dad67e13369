import { describe, expect, it, vi } from 'vitest';
import { globalHandlers } from '../../../../../src/adapters/browser/integrations/index.js';
import { FaultError } from '../../../../../src/errors/index.js';
import { recordingTarget, throwingTarget } from './recording-target.js';

/** An `error` event as the browser dispatches it for an uncaught exception. */
function errorEvent(fields: Partial<ErrorEvent>): Event {
  return Object.assign(new Event('error', { cancelable: true }), fields);
}

function rejectionEvent(reason: unknown): Event {
  return Object.assign(new Event('unhandledrejection', { cancelable: true }), { reason });
}

describe('globalHandlers()', () => {
  it('captures the Error of an uncaught exception as it was thrown', () => {
    const client = recordingTarget();
    const window = new EventTarget();
    globalHandlers(client, window);
    const thrown = new TypeError('x is not a function');
    window.dispatchEvent(errorEvent({ error: thrown, message: 'Uncaught TypeError: x' }));
    expect(client.captured).toEqual([thrown]);
    expect(client.captured[0]).toBe(thrown);
  });

  it('builds an Error with a frame from the message and location when a non-Error was thrown', () => {
    const client = recordingTarget();
    const window = new EventTarget();
    globalHandlers(client, window);
    window.dispatchEvent(
      errorEvent({
        error: 'boom',
        message: 'Uncaught boom',
        filename: 'https://app.example/main.js',
        lineno: 12,
        colno: 5,
      }),
    );
    const wire = FaultError.from(client.captured[0]).toJSON();
    expect(wire).toMatchObject({
      name: 'Error',
      message: 'boom',
      frames: [{ file: 'https://app.example/main.js', line: 12, column: 5 }],
    });
  });

  it('reads the error name a browser printed into the message', () => {
    const client = recordingTarget();
    const window = new EventTarget();
    globalHandlers(client, window);
    window.dispatchEvent(
      errorEvent({
        error: null,
        message: 'uncaught exception: TypeError: a is undefined',
        filename: 'https://app.example/a.js',
        lineno: 3,
        colno: 0,
      }),
    );
    expect(FaultError.from(client.captured[0]).toJSON()).toMatchObject({
      name: 'TypeError',
      message: 'a is undefined',
      frames: [{ file: 'https://app.example/a.js', line: 3 }],
    });
  });

  it('turns a muted cross-origin error into "Script error." without frames', () => {
    const client = recordingTarget();
    const window = new EventTarget();
    globalHandlers(client, window);
    window.dispatchEvent(
      errorEvent({ error: null, message: 'Script error.', filename: '', lineno: 0, colno: 0 }),
    );
    const wire = FaultError.from(client.captured[0]).toJSON();
    expect(wire.message).toBe('Script error.');
    expect(wire.frames ?? []).toEqual([]);
  });

  it('ignores an error event that carries neither an error nor a message', () => {
    const client = recordingTarget();
    const window = new EventTarget();
    globalHandlers(client, window);
    window.dispatchEvent(new Event('error'));
    expect(client.captured).toEqual([]);
  });

  it('captures the reason of an unhandled rejection, Error or not, without preventing default', () => {
    const client = recordingTarget();
    const window = new EventTarget();
    globalHandlers(client, window);
    const reason = new Error('rejected');
    const events = [rejectionEvent(reason), rejectionEvent('just a string'), rejectionEvent(42)];
    for (const event of events) window.dispatchEvent(event);
    expect(client.captured).toEqual([reason, 'just a string', 42]);
    expect(events.map((event) => event.defaultPrevented)).toEqual([false, false, false]);
  });

  it('does not call preventDefault on an error event either', () => {
    const window = new EventTarget();
    globalHandlers(recordingTarget(), window);
    const event = errorEvent({ error: new Error('x'), message: 'Uncaught Error: x' });
    window.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(false);
  });

  it('captures one Error once, however many events carry it', () => {
    const client = recordingTarget();
    const window = new EventTarget();
    globalHandlers(client, window);
    const thrown = new Error('twice');
    window.dispatchEvent(errorEvent({ error: thrown, message: 'Uncaught Error: twice' }));
    window.dispatchEvent(rejectionEvent(thrown));
    window.dispatchEvent(errorEvent({ error: thrown, message: 'Uncaught Error: twice' }));
    expect(client.captured).toEqual([thrown]);
  });

  it('stops capturing once uninstalled', () => {
    const client = recordingTarget();
    const window = new EventTarget();
    const uninstall = globalHandlers(client, window);
    uninstall();
    window.dispatchEvent(errorEvent({ error: new Error('late'), message: 'Uncaught Error: late' }));
    window.dispatchEvent(rejectionEvent(new Error('late')));
    expect(client.captured).toEqual([]);
  });

  it('never throws into the event dispatch when the client throws', () => {
    const window = new EventTarget();
    const listen = vi.spyOn(window, 'addEventListener');
    globalHandlers(throwingTarget, window);
    const [onError, onRejection] = listen.mock.calls.map(
      ([, listener]) => listener as EventListener,
    );
    expect(() => onError?.(errorEvent({ error: new Error('x'), message: 'x' }))).not.toThrow();
    expect(() => onRejection?.(rejectionEvent('y'))).not.toThrow();
  });

  it('is a no-op where there is nothing to listen on', () => {
    const uninstall = globalHandlers(recordingTarget(), {} as EventTarget);
    expect(uninstall).not.toThrow();
  });
});
