import { describe, expect, it } from 'vitest';
import { compileMessageTable, matchMessage } from '../../../src/classify/builtin/message-table.js';

describe('compileMessageTable()', () => {
  it('matches strings anywhere a word starts, ignoring case', () => {
    const table = compileMessageTable([['failed to fetch', 'network_error']]);
    expect(matchMessage(table, 'TypeError: FAILED TO FETCH')).toBe('network_error');
    expect(matchMessage(table, 'unfailed to fetch')).toBeUndefined();
    expect(matchMessage(table, '')).toBeUndefined();
  });

  it('escapes regex characters in string rows', () => {
    const table = compileMessageTable([['JSON.parse: ', 'deserialization_failed']]);
    expect(matchMessage(table, 'JSONxparse: ')).toBeUndefined();
    expect(matchMessage(table, 'JSON.parse: unexpected end of data')).toBe(
      'deserialization_failed',
    );
  });

  it('lets the match that starts earliest win', () => {
    const table = compileMessageTable([
      ['timeout', 'timeout'],
      ['Cannot read properties', 'programming_error'],
    ]);
    expect(matchMessage(table, "Cannot read properties of null (reading 'timeout')")).toBe(
      'programming_error',
    );
  });

  it('lets the row listed first win at the same position', () => {
    const first = compileMessageTable([
      ['fetch failed', 'network_error'],
      ['fetch', 'timeout'],
    ]);
    const second = compileMessageTable([
      ['fetch', 'timeout'],
      ['fetch failed', 'network_error'],
    ]);
    expect(matchMessage(first, 'fetch failed')).toBe('network_error');
    expect(matchMessage(second, 'fetch failed')).toBe('timeout');
  });

  it('tries rows that start with a plain letter before grouped rows at the same position', () => {
    const table = compileMessageTable([
      ['The operation was aborted due to timeout', 'timeout'],
      [/(?:This|The) operation was aborted/, 'cancelled'],
    ]);
    expect(matchMessage(table, 'The operation was aborted due to timeout')).toBe('timeout');
    expect(matchMessage(table, 'The operation was aborted.')).toBe('cancelled');
  });

  it('handles RegExp rows with anchors and top-level alternation', () => {
    const table = compileMessageTable([
      [/^Load failed$/, 'network_error'],
      [/\btimed out\b|\bdeadline exceeded\b/, 'timeout'],
    ]);
    expect(matchMessage(table, 'Load failed')).toBe('network_error');
    expect(matchMessage(table, 'Load failed twice')).toBeUndefined();
    expect(matchMessage(table, 'rpc deadline exceeded')).toBe('timeout');
  });
});
