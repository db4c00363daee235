import { inMemoryStoreFactory } from '../support/inMemoryStoreFactory';
import { describeInsertNewContract } from './insertNewContract';

describeInsertNewContract('memory, in memory only', inMemoryStoreFactory('memoryInsertNew.contract'));
