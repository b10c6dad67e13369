import type { MessageRow } from './message-table.js';

/**
 * Last-resort wordings, tried only for errors whose name decided nothing (`Error`, custom
 * names, thrown strings) and only after every specific table: application code and SDKs phrase
 * the same failures freely (`Query timeout`, `User not found`, `Connection reset by peer`).
 */
// prettier-ignore
export const GENERIC_MESSAGES: readonly MessageRow[] = [
  [/\btim(?:ed|ing)[ -]?out\b|\btimeout\b|\bdeadline exceeded\b/, 'timeout'],
  // pg `Connection terminated unexpectedly`, ioredis `Connection is closed.`, Firestore `… the
  // client is offline.`
  [/\b(?:network|connection) ?error\b|\bconnection (?:is |was |has been )?(?:refused|reset|closed|lost|failed|terminated)\b|\boffline\b/, 'network_error'],
  // Anthropic `overloaded_error: Overloaded` (HTTP 529), workerd `Durable Object is overloaded.`
  [/\boverloaded\b/, 'external_service_error'],
  // Media `play()` `… request was interrupted by a call to pause()`; Google Identity `Popup window
  // closed`.
  [/\b(?:aborted|cancell?ed|interrupted)\b|\bpopup (?:window )?closed\b/, 'cancelled'],
  [/\bunauthori[sz]ed\b|\bunauthenticated\b|\b(?:invalid|expired) (?:token|credentials|session)\b/, 'authentication_failed'],
  // AWS `… is not authorized to perform: dynamodb:PutItem` (signed in, not allowed).
  [/\bforbidden\b|\bpermission denied\b|\baccess denied\b|\bnot permitted\b|\bnot authori[sz]ed to\b/, 'permission_denied'],
  [/\bnot found\b|\bdoes not exist\b|\bno such\b/, 'data_not_found'],
];
