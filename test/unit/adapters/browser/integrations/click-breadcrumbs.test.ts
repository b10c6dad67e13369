import { describe, expect, it } from 'vitest';
import { clickBreadcrumbs } from '../../../../../src/adapters/browser/integrations/index.js';
import { recordingTarget, throwingTarget } from './recording-target.js';

/** The parts of an Element the selector reads. */
interface FakeElement {
  nodeType: 1;
  tagName: string;
  id: string;
  parentElement: FakeElement | null;
  value?: string;
  textContent?: string;
  getAttribute(name: string): string | null;
}

function element(
  tag: string,
  attributes: Record<string, string> = {},
  parent: FakeElement | null = null,
): FakeElement {
  return {
    nodeType: 1,
    tagName: tag.toUpperCase(),
    id: attributes.id ?? '',
    parentElement: parent,
    getAttribute: (name) => attributes[name] ?? null,
  };
}

/** A document on EventTarget; `click` dispatches a click whose composed path starts at `target`. */
function fakeDocument() {
  const doc = new EventTarget() as EventTarget & { click(target: unknown): Event };
  doc.click = (target) => {
    const event = new Event('click');
    Object.defineProperty(event, 'composedPath', { value: () => [target, doc] });
    doc.dispatchEvent(event);
    return event;
  };
  const html = element('html');
  const body = element('body', {}, html);
  return { doc, body };
}

describe('clickBreadcrumbs()', () => {
  it('records the clicked element and its ancestors below body as a selector', () => {
    const client = recordingTarget();
    const { doc, body } = fakeDocument();
    clickBreadcrumbs(client, doc as unknown as Document);
    const form = element('form', { id: 'cart' }, element('main', {}, body));
    const button = element(
      'button',
      { id: 'buy', class: ' primary  large ', type: 'submit' },
      form,
    );
    doc.click(button);
    expect(client.crumbs).toEqual([
      {
        category: 'ui.click',
        message: 'main > form#cart > button#buy.primary.large[type="submit"]',
      },
    ]);
  });

  it('names inputs by their attributes, never by what was typed or shown', () => {
    const client = recordingTarget();
    const { doc, body } = fakeDocument();
    clickBreadcrumbs(client, doc as unknown as Document);
    const input = element('input', { name: 'email', type: 'email' }, body);
    input.value = 'jane@example.com';
    input.textContent = 'secret text';
    doc.click(input);
    expect(client.crumbs[0]?.message).toBe('input[name="email"][type="email"]');
  });

  it('stops at four elements and 80 characters, cutting an overlong element', () => {
    const client = recordingTarget();
    const { doc, body } = fakeDocument();
    clickBreadcrumbs(client, doc as unknown as Document);
    let parent = body;
    for (const tag of ['div', 'section', 'ul', 'li']) parent = element(tag, {}, parent);
    doc.click(element('a', { class: 'link' }, parent));
    const long = element('span', { class: 'c'.repeat(200) }, body);
    doc.click(element('b', { class: 'x'.repeat(60) }, long));
    expect(client.crumbs.map((crumb) => crumb.message)).toEqual([
      'section > ul > li > a.link',
      `b.${'x'.repeat(60)}`,
    ]);
    doc.click(long);
    expect(client.crumbs[2]?.message).toBe(`span.${'c'.repeat(200)}`.slice(0, 80));
  });

  it('records nothing for a click whose target is not an element', () => {
    const client = recordingTarget();
    const { doc } = fakeDocument();
    clickBreadcrumbs(client, doc as unknown as Document);
    doc.click(doc);
    expect(client.crumbs).toEqual([]);
  });

  it('listens in the capture phase and stops on uninstall', () => {
    const client = recordingTarget();
    const { doc, body } = fakeDocument();
    const added: unknown[] = [];
    const add = doc.addEventListener.bind(doc);
    doc.addEventListener = (type, listener, options) => {
      added.push([type, options]);
      add(type, listener, options);
    };
    const uninstall = clickBreadcrumbs(client, doc as unknown as Document);
    expect(added).toEqual([['click', true]]);
    uninstall();
    doc.click(element('button', {}, body));
    expect(client.crumbs).toEqual([]);
  });

  it('never throws into the click when the client throws', () => {
    const { doc, body } = fakeDocument();
    const listeners: EventListener[] = [];
    doc.addEventListener = (_type, listener) => listeners.push(listener as EventListener);
    clickBreadcrumbs(throwingTarget, doc as unknown as Document);
    const event = new Event('click');
    Object.defineProperty(event, 'composedPath', { value: () => [element('a', {}, body)] });
    expect(() => listeners[0]?.(event)).not.toThrow();
  });

  it('is a no-op where there is no document', () => {
    expect(() => clickBreadcrumbs(recordingTarget(), undefined)()).not.toThrow();
  });
});
