import { describe, expect, it } from 'vitest';
import {
  ABORT_MESSAGES,
  TIMEOUT_MESSAGES,
} from '../../../src/classify/builtin/abort-timeout-messages.js';
import { BENIGN_NOISE_MESSAGES } from '../../../src/classify/builtin/benign-noise.js';
import { CLIENT_ERROR_NAMES } from '../../../src/classify/builtin/client-errors.js';
import { DOM_EXCEPTION_NAMES } from '../../../src/classify/builtin/dom-exceptions.js';
import { ERROR_CODE_TYPES } from '../../../src/classify/builtin/error-codes.js';
import { GENERIC_MESSAGES } from '../../../src/classify/builtin/generic-messages.js';
import {
  HTTP_STATUS_TYPES,
  STATUS_PHRASE_MESSAGES,
  typeForStatus,
} from '../../../src/classify/builtin/http-status.js';
import { LOAD_FAILURE_MESSAGES } from '../../../src/classify/builtin/load-failures.js';
import {
  compileMessageTable,
  matchMessage,
  type MessageRow,
} from '../../../src/classify/builtin/message-table.js';
import {
  CORS_MESSAGES,
  FETCH_FAILURE_MESSAGES,
} from '../../../src/classify/builtin/network-messages.js';
import {
  JSON_PARSE_MESSAGES,
  SERIALIZATION_MESSAGES,
} from '../../../src/classify/builtin/parse-errors.js';
import { PROGRAMMING_MESSAGES } from '../../../src/classify/builtin/programming-errors.js';
import { RESOURCE_MESSAGES } from '../../../src/classify/builtin/resource-messages.js';
import { classify } from '../../../src/classify/classify.js';
import { lookupErrorType } from '../../../src/errors/registry.js';

const MESSAGE_TABLES: Record<string, readonly MessageRow[]> = {
  ABORT_MESSAGES,
  TIMEOUT_MESSAGES,
  BENIGN_NOISE_MESSAGES,
  GENERIC_MESSAGES,
  STATUS_PHRASE_MESSAGES,
  LOAD_FAILURE_MESSAGES,
  CORS_MESSAGES,
  FETCH_FAILURE_MESSAGES,
  JSON_PARSE_MESSAGES,
  SERIALIZATION_MESSAGES,
  PROGRAMMING_MESSAGES,
  RESOURCE_MESSAGES,
};

describe('built-in data tables', () => {
  it('name only taxonomy types that exist', () => {
    const types = [
      ...Object.values(MESSAGE_TABLES).flatMap((rows) => rows.map(([, type]) => type)),
      ...[...DOM_EXCEPTION_NAMES, ...CLIENT_ERROR_NAMES].flatMap(([, type, unless]) => [
        ...(type === undefined ? [] : [type]),
        ...(unless ?? []).map(([, t]) => t),
      ]),
      ...ERROR_CODE_TYPES.values(),
      ...HTTP_STATUS_TYPES.values(),
    ];
    for (const type of types) expect(lookupErrorType(type), type).toBeDefined();
  });

  it('match the text of each string row within its own table', () => {
    for (const [table, rows] of Object.entries(MESSAGE_TABLES)) {
      const compiled = compileMessageTable(rows);
      for (const [pattern, type] of rows) {
        if (typeof pattern === 'string')
          expect(matchMessage(compiled, pattern), `${table}: ${pattern}`).toBe(type);
      }
    }
  });

  it('treat any 5xx without its own row as external_service_error and 2xx/3xx as nothing', () => {
    expect(typeForStatus(599)).toBe('external_service_error');
    expect(typeForStatus(200)).toBeUndefined();
    expect(typeForStatus(302)).toBeUndefined();
    expect(typeForStatus(409)).toBeUndefined();
  });

  it('classify every DOMException name of the table by name alone', () => {
    for (const [name, type] of DOM_EXCEPTION_NAMES) {
      if (type === undefined || name.startsWith('NS_')) continue;
      expect(classify(new DOMException('', name)).type, name).toBe(type);
    }
  });

  it('classify every error code of the table on a plain Error', () => {
    for (const [code, type] of ERROR_CODE_TYPES) {
      expect(classify(Object.assign(new Error(''), { code })).type, code).toBe(type);
    }
  });
});
