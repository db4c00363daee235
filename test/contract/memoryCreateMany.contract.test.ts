import { inMemoryStoreFactory } from '../support/inMemoryStoreFactory';
import { describeCreateManyContract } from './createManyContract';

describeCreateManyContract('memory, in memory only', inMemoryStoreFactory('memoryCreateMany.contract'));
