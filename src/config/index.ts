export {
  clientConfigSchema,
  bufferSchema,
  transportSchema,
  type ClientConfig,
  type ClientConfigInput,
} from './client-schema.js';
export { parseConfig } from './parse-config.js';
export { createConfigStore, type ConfigStore } from './config-store.js';
export { configError, type ConfigProblem, type ConfigProblemKind } from './config-problem.js';
export { zodProblems } from './zod-problems.js';
