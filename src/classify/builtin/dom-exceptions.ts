import type { NameRow } from './name-table.js';

/**
 * DOMException names (WebIDL §2.8.1) and what they mean here, with the IndexedDB ones. Every
 * browser, Deno, Node.js and workerd use these names; the messages differ, the names do not.
 *
 * IndexedDB decisions: `TransactionInactiveError` / `ReadOnlyError` are bugs (awaiting non-IDB
 * work inside a transaction, writing in a readonly one). A closing connection or a lost
 * connection to the IDB server (Safari, iOS) is `service_unavailable`: reopening the database
 * fixes it. `Internal error opening backing store` (Chrome; a full disk or a damaged profile) is
 * `resource_exhausted` (`resource-messages.ts`).
 *
 * @see https://webidl.spec.whatwg.org/#idl-DOMException-error-names
 */
// prettier-ignore
export const DOM_EXCEPTION_NAMES: readonly NameRow[] = [
  ['AbortError', 'cancelled'],
  ['TimeoutError', 'timeout'],
  // Chromium sync XHR `Failed to execute 'send' on 'XMLHttpRequest': Failed to load '…'`.
  ['NetworkError', 'network_error'],
  // Chrome `Failed to execute 'setItem' on 'Storage': … exceeded the quota.`; Safari `The quota
  // has been exceeded.`; old Safari private mode `QuotaExceededError: DOM Exception 22`; old
  // Firefox names it `NS_ERROR_DOM_QUOTA_REACHED`.
  ['QuotaExceededError', 'resource_exhausted'],
  ['NS_ERROR_DOM_QUOTA_REACHED', 'resource_exhausted'],
  // Firefox: the profile's localStorage database is damaged (`NS_ERROR_FILE_CORRUPTED`).
  ['NS_ERROR_FILE_CORRUPTED', 'data_corruption'],
  // Autoplay (`play() failed because the user didn't interact with the document first.`),
  // permissions denied by the user, clipboard without focus, and so on.
  ['NotAllowedError', 'permission_denied'],
  // `Failed to read the 'localStorage' property from 'Window': Access is denied for this
  // document.`, cross-origin frame access, Firefox/Safari `The operation is insecure.`
  ['SecurityError', 'permission_denied'],
  ['DataCloneError', 'serialization_failed'],
  // IndexedDB missing record or media device; a DOM node or object store that is not where the
  // code expected it is a bug.
  ['NotFoundError', 'data_not_found', [
    ['is not a child of this node', 'programming_error'],
    ['object stores was not found', 'programming_error'],
  ]],
  ['InvalidStateError', 'programming_error', [
    // Chrome `Failed to execute 'transaction' on 'IDBDatabase': The database connection is closing.`
    ['database connection is closing', 'service_unavailable'],
    // Firefox < 115 private windows: `A mutation operation was attempted on a database that did
    // not allow mutations.` (IndexedDB is not allowed there).
    ['did not allow mutations', 'permission_denied'],
  ]],
  ['TransactionInactiveError', 'programming_error'],
  ['ReadOnlyError', 'programming_error'],
  ['VersionError', 'programming_error'],
  ['UnknownError', undefined, [
    // Safari, iOS: `Connection to Indexed Database server lost. Refresh the page to try again`.
    ['Connection to Indexed Database server lost', 'service_unavailable'],
  ]],
  // `atob('*')`: `InvalidCharacterError: Invalid character` — the input is malformed.
  ['InvalidCharacterError', 'format_error'],
  // DOM misuse: `HierarchyRequestError`, `IndexSizeError`, `InvalidAccessError`, … are bugs.
  ['HierarchyRequestError', 'programming_error'],
  ['IndexSizeError', 'programming_error'],
  ['InvalidAccessError', 'programming_error'],
  ['InvalidModificationError', 'programming_error'],
  ['InvalidNodeTypeError', 'programming_error'],
  ['WrongDocumentError', 'programming_error'],
  ['NamespaceError', 'programming_error'],
];
