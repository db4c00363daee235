import { inMemoryStoreFactory } from '../support/inMemoryStoreFactory';
import { describePlanningNeedsContract } from './planningNeedsContract';

/** The planning read (GraphStore.listPlanningNeeds) on the memory adapter. */
describePlanningNeedsContract('memory', inMemoryStoreFactory('memoryPlanningNeeds.contract'));
