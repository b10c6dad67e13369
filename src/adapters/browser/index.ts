export { indexedDbBuffer, type IndexedDbBufferOptions } from './indexeddb-buffer.js';
export {
  tabLeader,
  type LeaderMechanism,
  type TabLeader,
  type TabLeaderOptions,
} from './tab-leader.js';
export {
  leaseElection,
  type Election,
  type LeaseElectionOptions,
  type LeaseStore,
} from './lease-election.js';
export { indexedDbLeaseStore, type IndexedDbLeaseStoreOptions } from './indexeddb-lease-store.js';
export { isQuotaExceeded, recoverFromQuota, type QuotaRecovery } from './quota-recovery.js';
export { getIndexedDB, getLockManager } from './storage-globals.js';
export { init, getClient, type BrowserIntegrations, type BrowserOptions } from './init.js';
export * from './integrations/index.js';
