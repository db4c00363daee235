import { z } from 'zod';
import { COVERAGE_DEFINITIONS } from '../domain/coverageDefinitions';
import { DEVELOPMENT_OFFICER_TARGET, isDevelopmentOfficer, trainingCompletedOn, withTraining } from '../domain/developmentOfficers';
import { idOf, OfficerTraining, type Person } from '../domain/model';
import { parseInput } from '../errors/fromZodError';
import { badInput, notFound } from '../errors/HuzhuError';
import { listAll } from './listAll';
import type { ServiceContext } from './ServiceContext';

/**
 * Community development officers (社区发展专员, issue 15 item 3): the training and assignment report, and the two
 * writes that keep them (a course recorded; villages and townships assigned). Both writes replace the Person record
 * through the store port, so both stores keep them alike (test/contract).
 */
export interface DevelopmentOfficerRow {
  person: Person;
  trained: boolean;
  trainedOn: string | null;
}

export interface DevelopmentOfficerReport {
  target: number;
  trained: number;
  inTraining: number;
  definition: string;
  officers: DevelopmentOfficerRow[];
}

export async function developmentOfficerReport(ctx: ServiceContext, townshipId: string | null): Promise<DevelopmentOfficerReport> {
  const people = await listAll(ctx.store, 'Person', { role: 'COMMUNITY_DEVELOPMENT_OFFICER', ...(townshipId ? { townshipId } : {}) });
  const officers = people
    .map((person) => {
      const trainedOn = trainingCompletedOn(person);
      return { person, trained: trainedOn !== null, trainedOn };
    })
    .sort((a, b) => (a.person.id < b.person.id ? -1 : 1));
  const trained = officers.filter((o) => o.trained).length;
  const definition = COVERAGE_DEFINITIONS.OFFICERS_TRAINED;
  return { target: DEVELOPMENT_OFFICER_TARGET, trained, inTraining: officers.length - trained, definition: `${definition.zh} (${definition.en})`, officers };
}

const TrainingInput = OfficerTraining;
const AssignmentInput = z.object({
  villageIds: z.array(idOf('Village')).max(50),
  townshipIds: z.array(idOf('Township')).max(11).default([]),
});

/** One course recorded for a community development officer (the same course and date again replaces it). */
export async function recordOfficerTraining(ctx: ServiceContext, personId: string, rawInput: unknown): Promise<Person> {
  const training = parseInput(TrainingInput, rawInput, ['input']);
  const officer = await loadOfficer(ctx, personId);
  return ctx.store.update('Person', withTraining(officer, training));
}

/** Sets an officer's villages and townships; each village's township is added to the townships. */
export async function assignDevelopmentOfficer(ctx: ServiceContext, personId: string, rawInput: unknown): Promise<Person> {
  const input = parseInput(AssignmentInput, rawInput, ['input']);
  const officer = await loadOfficer(ctx, personId);
  const villages = await ctx.store.getMany('Village', input.villageIds);
  const townshipIds = new Set(input.townshipIds);
  villages.forEach((village, i) => {
    if (village === null) throw notFound('Village', input.villageIds[i] as string, ['input', 'villageIds', i]);
    townshipIds.add(village.townshipId);
  });
  const townships = await ctx.store.getMany('Township', input.townshipIds);
  townships.forEach((township, i) => {
    if (township === null) throw notFound('Township', input.townshipIds[i] as string, ['input', 'townshipIds', i]);
  });
  return ctx.store.update('Person', { ...officer, villageIds: [...new Set(input.villageIds)], townshipIds: [...townshipIds].sort() });
}

// Private:

async function loadOfficer(ctx: ServiceContext, personId: string): Promise<Person> {
  parseInput(idOf('Person'), personId, ['personId']);
  const [person] = await ctx.store.getMany('Person', [personId]);
  if (!person) throw notFound('Person', personId, ['personId']);
  if (!isDevelopmentOfficer(person)) {
    throw badInput(
      `personId: ${person.name} 不是社区发展专员 (is not a COMMUNITY_DEVELOPMENT_OFFICER; training and assignment are tracked for those only)`,
      ['personId'],
    );
  }
  return person;
}
