import { EARLIER_TRAINING_COURSE, isTrainedOfficer, trainingCompletedOn, withTraining } from '../../../src/domain/developmentOfficers';
import { countOfficers } from '../../../src/services/coverage/compareScenarios';
import { aPerson } from '../../support/builders';

const officer = (overrides: Parameters<typeof aPerson>[0] = {}) => aPerson({ roles: ['COMMUNITY_DEVELOPMENT_OFFICER'], ...overrides });

describe('community development officers: who counts as trained (OFFICERS_TRAINED)', () => {
  it('counts an officer with a completed course, on the latest completed date, even with no trainedAt', () => {
    const p = officer({ trainings: [{ course: 'A', date: '2025-03-01', completed: true }, { course: 'B', date: '2025-06-01', completed: true }, { course: 'C', date: '2025-09-01', completed: false }] });
    expect(trainingCompletedOn(p)).toBe('2025-06-01');
    expect(isTrainedOfficer(p)).toBe(true);
    expect(countOfficers([p])).toEqual({ trained: 1, inTraining: 0 });
  });

  it('does not count an officer whose courses are all still in progress, whatever trainedAt says', () => {
    const p = officer({ trainedAt: '2025-01-01', trainings: [{ course: 'A', date: '2025-11-01', completed: false }] });
    expect(isTrainedOfficer(p)).toBe(false);
    expect(countOfficers([p])).toEqual({ trained: 0, inTraining: 1 });
  });

  it('counts a record from before courses were tracked by its trainedAt, and only people with the role', () => {
    expect(countOfficers([officer({ trainedAt: '2024-05-01' }), officer(), aPerson({ roles: ['LIAISON'], trainedAt: '2024-05-01' })])).toEqual({ trained: 1, inTraining: 1 });
  });

  it('records a course: the same course and date replaces the entry, trainedAt follows the latest completion, an earlier completion is kept as a course', () => {
    const legacy = officer({ trainedAt: '2024-05-01' });
    const enrolled = withTraining(legacy, { course: 'B', date: '2025-11-01', completed: false });
    expect(enrolled.trainings).toEqual([
      { course: EARLIER_TRAINING_COURSE, date: '2024-05-01', completed: true },
      { course: 'B', date: '2025-11-01', completed: false },
    ]);
    expect(enrolled.trainedAt).toBe('2024-05-01');
    const done = withTraining(enrolled, { course: 'B', date: '2025-11-01', completed: true });
    expect(done.trainings).toHaveLength(2);
    expect(done.trainedAt).toBe('2025-11-01');
    expect(legacy.trainings).toEqual([]); // pure
  });
});
