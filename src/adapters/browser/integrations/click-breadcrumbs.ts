/**
 * Breadcrumbs from clicks (SPEC §4 browser integrations).
 *
 * @module
 */
import { breadcrumbSink, type CaptureTarget } from './capture-target.js';

/** Longest selector, in characters; farther ancestors are left out first. */
const MAX_SELECTOR = 80;
/** Most elements in a selector: the target and its nearest ancestors below `<body>`. */
const MAX_DEPTH = 4;
/** Attributes that name a control without holding what the user typed. */
const ATTRIBUTES = ['name', 'type', 'aria-label', 'title', 'alt'];

/**
 * Records each click as a `ui.click` breadcrumb whose message is a short selector of the element
 * clicked (inside an open shadow root too): its nearest ancestors below `<body>` and itself as
 * `tag#id.class[name="…"]`, at most 80 characters. Never reads text content or input values.
 * Listens in the capture phase on the document, so a handler that stops propagation does not hide
 * the click. Returns the uninstall; a no-op where there is no document.
 *
 * @param doc - The document to listen on. Default: `globalThis.document`.
 * @example
 * const uninstall = clickBreadcrumbs(client);
 * // a click on <button id="buy" class="primary"> inside <form id="cart">:
 * // { category: 'ui.click', message: 'form#cart > button#buy.primary' }
 */
export function clickBreadcrumbs(
  client: CaptureTarget,
  doc: Document | undefined = globalThis.document,
): () => void {
  if (typeof doc?.addEventListener !== 'function') return () => undefined;
  const sink = breadcrumbSink(client);
  const onClick = (event: Event) =>
    sink.add(() => {
      const message = selector(event.composedPath?.()[0] ?? event.target);
      return message ? { category: 'ui.click', message } : undefined;
    });
  doc.addEventListener('click', onClick, true);
  return () => {
    sink.off();
    doc.removeEventListener('click', onClick, true);
  };
}

function selector(target: EventTarget | null): string {
  let out = '';
  let element = target as Element | null;
  for (let depth = 0; depth < MAX_DEPTH && element?.nodeType === 1; depth++) {
    if (depth > 0 && /^(?:body|html)$/i.test(element.tagName)) break;
    const joined = out ? `${describe(element)} > ${out}` : describe(element);
    if (joined.length > MAX_SELECTOR) return out || joined.slice(0, MAX_SELECTOR);
    out = joined;
    element = element.parentElement;
  }
  return out;
}

function describe(element: Element): string {
  let out = element.tagName.toLowerCase();
  if (element.id) out += `#${element.id}`;
  const classes = element.getAttribute('class')?.trim();
  if (classes) out += `.${classes.split(/\s+/).join('.')}`;
  for (const name of ATTRIBUTES) {
    const value = element.getAttribute(name);
    if (value) out += `[${name}="${value}"]`;
  }
  return out;
}
