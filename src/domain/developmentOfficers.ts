import type { OfficerTraining, Person } from './model';

/**
 * Community development officers (社区发展专员, DOMAIN.md: "20+ … trained"; issue 15 item 3): their training and
 * their assignment. Training is a list of courses (Person.trainings: course, date, completed); the assignment is
 * the officer's villages and townships (Person.villageIds / townshipIds, the same trust edges as any person's).
 *
 * An officer counts as trained when at least one course is completed. Records from before courses were tracked
 * carry only a completion date (Person.trainedAt): such an officer (no course recorded at all) counts as trained on
 * that date.
 */
export const DEVELOPMENT_OFFICER_TARGET = 20;

/** The course name given to a completion recorded (trainedAt) before courses were tracked. */
export const EARLIER_TRAINING_COURSE = '培训（课程记录前完成）';

/** The course the seed's synthetic officers take (a placeholder name, not a real curriculum). */
export const SYNTHETIC_COURSE = '社区发展专员基础培训（合成）';

export function isDevelopmentOfficer(person: Pick<Person, 'roles'>): boolean {
  return person.roles.includes('COMMUNITY_DEVELOPMENT_OFFICER');
}

/** The latest completed course's date; for a record with no course listed, trainedAt; else null (not trained). */
export function trainingCompletedOn(person: Pick<Person, 'trainings' | 'trainedAt'>): string | null {
  const done = person.trainings.filter((t) => t.completed).map((t) => t.date);
  if (done.length > 0) return done.reduce((a, b) => (b > a ? b : a));
  return person.trainings.length === 0 ? person.trainedAt : null;
}

export function isTrainedOfficer(person: Pick<Person, 'roles' | 'trainings' | 'trainedAt'>): boolean {
  return isDevelopmentOfficer(person) && trainingCompletedOn(person) !== null;
}

/**
 * A person with one more course recorded: the same course on the same date replaces the earlier entry (recording
 * it again is idempotent; marking it completed updates it); trainedAt follows the latest completed course.
 * Pure: returns a new person.
 */
export function withTraining<P extends Pick<Person, 'trainings' | 'trainedAt'>>(person: P, training: OfficerTraining): P {
  // A record from before courses were tracked keeps its completion as a course of its own.
  const earlier: OfficerTraining[] =
    person.trainings.length === 0 && person.trainedAt !== null ? [{ course: EARLIER_TRAINING_COURSE, date: person.trainedAt, completed: true }] : person.trainings;
  const others = earlier.filter((t) => !(t.course === training.course && t.date === training.date));
  const trainings = [...others, training].sort((a, b) => (a.date === b.date ? a.course.localeCompare(b.course) : a.date < b.date ? -1 : 1));
  const next = { ...person, trainings };
  return { ...next, trainedAt: trainingCompletedOn({ trainings, trainedAt: null }) };
}
