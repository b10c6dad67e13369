export {
  wireEventSchema,
  stackFrameSchema,
  causeSchema,
  breadcrumbSchema,
  boundedDataSchema,
  severitySchema,
  categorySchema,
  type WireEvent,
  type WireFrame,
  type WireCause,
  type WireBreadcrumb,
} from './event-schema.js';
export { WIRE_LIMITS } from './limits.js';
export { toPlainData, truncate, type PlainData, type PlainDataLimits } from './to-plain-data.js';
export { isBoundedData } from './bounded-data.js';
