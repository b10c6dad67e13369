import { describe, expect, it } from 'vitest';
import { navigationBreadcrumbs } from '../../../../../src/adapters/browser/integrations/index.js';
import { recordingTarget, throwingTarget } from './recording-target.js';

/** A window on EventTarget with a location and a history that moves it, as browsers do. */
function fakeWindow(start = 'https://app.example/') {
  const location = {
    href: start,
    get origin() {
      return new URL(this.href).origin;
    },
  };
  const move = (_state: unknown, _unused: string, url?: string | URL | null) => {
    if (url !== undefined && url !== null) location.href = new URL(url, location.href).href;
  };
  const history = { pushState: move, replaceState: move };
  const win = Object.assign(new EventTarget(), { location, history });
  /** What the browser does on back / forward or a fragment change: move, then fire events. */
  const traverse = (url: string, ...events: string[]) => {
    location.href = new URL(url, location.href).href;
    for (const type of events) win.dispatchEvent(new Event(type));
  };
  return { win, history, originals: { ...history }, traverse };
}

describe('navigationBreadcrumbs()', () => {
  it('records pushState and replaceState with from and to relative to the origin', () => {
    const client = recordingTarget();
    const { win } = fakeWindow('https://app.example/home');
    navigationBreadcrumbs(client, win as unknown as Window);
    win.history.pushState({}, '', '/cart?step=2#pay');
    win.history.replaceState(null, '', 'checkout');
    expect(client.crumbs).toEqual([
      { category: 'navigation', data: { from: '/home', to: '/cart?step=2#pay' } },
      { category: 'navigation', data: { from: '/cart?step=2#pay', to: '/checkout' } },
    ]);
  });

  it('keeps secrets in URLs for the client to scrub', () => {
    const client = recordingTarget();
    const { win } = fakeWindow('https://app.example/');
    navigationBreadcrumbs(client, win as unknown as Window);
    win.history.pushState(null, '', '/reset?token=abc#access_token=xyz');
    expect(client.crumbs[0]?.data).toEqual({ from: '/', to: '/reset?token=abc#access_token=xyz' });
  });

  it('keeps URLs whole on a page without an origin to be relative to (file:, sandboxed)', () => {
    const client = recordingTarget();
    const { win } = fakeWindow('file:///home/me/app/index.html');
    navigationBreadcrumbs(client, win as unknown as Window);
    win.history.pushState(null, '', '#settings');
    expect(client.crumbs[0]?.data).toEqual({
      from: 'file:///home/me/app/index.html',
      to: 'file:///home/me/app/index.html#settings',
    });
  });

  it('records back/forward and fragment changes once, even when both events fire', () => {
    const client = recordingTarget();
    const { win, traverse } = fakeWindow('https://app.example/a');
    navigationBreadcrumbs(client, win as unknown as Window);
    traverse('/b', 'popstate');
    traverse('/b#section', 'popstate', 'hashchange');
    expect(client.crumbs.map((crumb) => crumb.data)).toEqual([
      { from: '/a', to: '/b' },
      { from: '/b', to: '/b#section' },
    ]);
  });

  it('records nothing for a history call that leaves the URL as it was', () => {
    const client = recordingTarget();
    const { win } = fakeWindow('https://app.example/a');
    navigationBreadcrumbs(client, win as unknown as Window);
    win.history.pushState({ modal: true }, '');
    win.history.replaceState({ modal: false }, '', '/a');
    expect(client.crumbs).toEqual([]);
  });

  it('restores history and removes its listeners on uninstall', () => {
    const client = recordingTarget();
    const { win, originals, traverse } = fakeWindow();
    const uninstall = navigationBreadcrumbs(client, win as unknown as Window);
    expect(win.history.pushState).not.toBe(originals.pushState);
    uninstall();
    expect({ ...win.history }).toEqual(originals);
    win.history.pushState(null, '', '/x');
    traverse('/y', 'popstate', 'hashchange');
    expect(client.crumbs).toEqual([]);
  });

  it('still navigates when the client throws', () => {
    const { win } = fakeWindow('https://app.example/');
    navigationBreadcrumbs(throwingTarget, win as unknown as Window);
    expect(() => win.history.pushState(null, '', '/next')).not.toThrow();
    expect(win.location.href).toBe('https://app.example/next');
  });

  it('is a no-op where there is no window', () => {
    expect(() => navigationBreadcrumbs(recordingTarget(), undefined)()).not.toThrow();
  });
});
