import type { GraphStore } from '../store/GraphStore';

/** What a use case needs from the outside world: the store port and a clock. */
export interface ServiceContext {
  store: GraphStore;
  now: () => Date;
}
