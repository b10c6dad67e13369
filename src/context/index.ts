export { createContext, type ContextOptions, type OperationContext } from './operation-context.js';
export { runInContext } from './run-in-context.js';
export { createBreadcrumbRing, type Breadcrumb, type BreadcrumbRing } from './breadcrumbs.js';
export { parseTraceparent, formatTraceparent, type TraceParent } from './traceparent.js';
