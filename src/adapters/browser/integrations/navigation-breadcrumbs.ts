/**
 * Breadcrumbs from navigations inside the page (SPEC §4 browser integrations).
 *
 * @module
 */
import { breadcrumbSink, type CaptureTarget } from './capture-target.js';
import { patch } from './patch.js';

type HistoryMethod = History['pushState'];

/**
 * Records each change of the page's URL by `history.pushState` / `replaceState`, the back and
 * forward buttons (`popstate`) or a new fragment (`hashchange`) as a `navigation` breadcrumb with
 * `data { from, to }`: URLs of the page's own origin relative to it (`/cart?step=2#pay`), others
 * whole. Nothing else is removed here; the client scrubs secrets from URLs later. A call that
 * leaves the URL as it was records nothing, and one change seen by several of these records one.
 * Returns the uninstall; a no-op where there is no `history`.
 *
 * @param win - The window to watch. Default: `globalThis.window`.
 * @example
 * const uninstall = navigationBreadcrumbs(client);
 * history.pushState(null, '', '/cart'); // { category: 'navigation', data: { from: '/', to: '/cart' } }
 */
export function navigationBreadcrumbs(
  client: CaptureTarget,
  win: Window | undefined = globalThis.window,
): () => void {
  const history = win?.history;
  if (typeof history?.pushState !== 'function' || typeof win?.addEventListener !== 'function') {
    return () => undefined;
  }
  const sink = breadcrumbSink(client);
  const relative = (url: string) => {
    const { origin } = win.location;
    return url.startsWith(`${origin}/`) ? url.slice(origin.length) : url;
  };
  let last = win.location.href;
  const changed = () =>
    sink.add(() => {
      const from = last;
      const to = (last = win.location.href);
      return from === to
        ? undefined
        : { category: 'navigation', data: { from: relative(from), to: relative(to) } };
    });
  const wrap = (original: HistoryMethod) =>
    function (this: History, ...args: Parameters<HistoryMethod>) {
      const result = original.apply(this, args);
      changed();
      return result;
    };
  const restores = [patch(history, 'pushState', wrap), patch(history, 'replaceState', wrap)];
  win.addEventListener('popstate', changed);
  win.addEventListener('hashchange', changed);
  return () => {
    sink.off();
    for (const restore of restores) restore();
    win.removeEventListener('popstate', changed);
    win.removeEventListener('hashchange', changed);
  };
}
