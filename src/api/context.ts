import type { Logger } from 'pino';
import type { ServiceContext } from '../services/ServiceContext';
import type { GraphStore } from '../store/GraphStore';
import type { Viewer } from './auth/Viewer';
import type { Loaders } from './loaders';

/** Built once per request (src/api/createApp.ts). */
export interface RequestContext extends ServiceContext {
  store: GraphStore;
  loaders: Loaders;
  viewer: Viewer;
  correlationId: string;
  log: Logger;
  /** STALE_AFTER_DAYS: when a service's details count as stale (domain/serviceFreshness.ts). */
  staleAfterDays: number;
}
