import { describe, expect, it } from 'vitest';
import { BUILTIN_ERROR_TYPES } from '../../../src/errors/taxonomy.js';
import { lookupErrorType } from '../../../src/errors/registry.js';

// SPEC §2, transcribed by hand: code, category/subcategory, type, severity, retry.
const SPEC_TABLE = `
1101 config/structure invalid_config_structure high no_retry
1102 config/structure missing_required_field high no_retry
1201 config/validation invalid_config_value medium no_retry
1202 config/validation constraint_violation medium no_retry
1203 config/validation range_error low no_retry
1301 config/access config_not_found high no_retry
1401 config/runtime config_update_forbidden medium no_retry
2101 system/initialization initialization_failed critical no_retry
2102 system/initialization service_unavailable high exponential_backoff
2201 system/resources resource_exhausted high exponential_backoff
2202 system/resources rate_limited medium exponential_backoff
2301 system/dependencies dependency_failed high fixed_delay
2302 system/dependencies circuit_open medium no_retry
2401 system/runtime internal_error critical no_retry
2402 system/runtime cancelled low no_retry
2403 system/runtime programming_error high no_retry
3101 data/serialization serialization_failed medium no_retry
3102 data/serialization deserialization_failed medium no_retry
3201 data/validation type_mismatch low no_retry
3202 data/validation format_error low no_retry
3301 data/corruption data_corruption critical no_retry
3401 data/not_found data_not_found low no_retry
4101 external/network network_error medium exponential_backoff
4201 external/service external_service_error medium fixed_delay
4301 external/timeout timeout medium exponential_backoff
4401 external/auth authentication_failed high no_retry
4402 external/auth permission_denied high no_retry
9999 unknown/unknown unknown medium no_retry
`
  .trim()
  .split('\n')
  .map((line) => {
    const [code, path, type, severity, retry] = line.split(' ') as [
      string,
      string,
      string,
      string,
      string,
    ];
    const [category, subcategory] = path.split('/');
    return { code: Number(code), category, subcategory, type, severity, retry };
  });

describe('the built-in taxonomy', () => {
  it('has exactly the rows of SPEC §2', () => {
    const rows = Object.values(BUILTIN_ERROR_TYPES).map(
      ({ code, category, subcategory, type, severity, retry }) => ({
        code,
        category,
        subcategory,
        type,
        severity,
        retry,
      }),
    );
    expect(rows).toEqual(SPEC_TABLE);
  });

  it('finds every row by code and by type', () => {
    for (const row of SPEC_TABLE) {
      expect(lookupErrorType(row.code)?.type).toBe(row.type);
      expect(lookupErrorType(row.type)?.code).toBe(row.code);
    }
  });

  it('is frozen, rows and recovery lists included', () => {
    expect(Object.isFrozen(BUILTIN_ERROR_TYPES)).toBe(true);
    for (const row of Object.values(BUILTIN_ERROR_TYPES)) {
      expect(Object.isFrozen(row)).toBe(true);
      expect(Object.isFrozen(row.recovery)).toBe(true);
      expect(row.recovery.length).toBeGreaterThan(0);
      expect(row.userMessage).toMatch(/^[A-Z].*\.$/);
    }
  });

  it('suggests refreshing credentials for authentication failures', () => {
    expect(BUILTIN_ERROR_TYPES.authentication_failed.recovery).toContain('refresh_credentials');
  });

  it('keeps user messages free of internals', () => {
    for (const row of Object.values(BUILTIN_ERROR_TYPES)) {
      expect(row.userMessage).not.toMatch(/error code|stack|exception|undefined|null/i);
    }
  });
});
