import type { GraphStore } from '../../src/store/GraphStore';
import { seedStore } from '../../src/seed/seedStore';
import { SYNTHETIC_PEOPLE } from '../../src/seed/generateSyntheticPeople';
import { listAll } from '../../src/services/listAll';
import { startTestServer, type TestServer } from '../support/testServer';
import { describeEachStore } from '../support/storesUnderTest';
import { nonEmpty } from '../support/nonEmpty';

/**
 * Issue 15 item 3, community development officers (社区发展专员, target 20) over HTTP on the synthetic seed: their
 * training (courses with date and completion) and assignment, the two writes that keep them, and the coverage
 * report's OFFICERS_TRAINED target counting completed courses.
 */
const REPORT = `query($t: ID) { developmentOfficers(townshipId: $t) {
  target trained inTraining definition
  officers { person { id name trainings { course date completed } } trained trainedOn trainings { course date completed } villages { id } townships { id } }
} }`;
const RECORD = `mutation($id: ID!, $input: OfficerTrainingInput!) { recordOfficerTraining(personId: $id, input: $input) { id trainedAt trainings { course date completed } } }`;
const ASSIGN = `mutation($id: ID!, $input: OfficerAssignmentInput!) { assignDevelopmentOfficer(personId: $id, input: $input) { id villages { id } townships { id } } }`;
const TARGET = `{ coverage { targets { key current target met } } }`;

interface Training {
  course: string;
  date: string;
  completed: boolean;
}
interface Report {
  target: number;
  trained: number;
  inTraining: number;
  definition: string;
  officers: Array<{ person: { id: string; name: string; trainings: Training[] }; trained: boolean; trainedOn: string | null; trainings: Training[]; villages: Array<{ id: string }>; townships: Array<{ id: string }> }>;
}

describeEachStore('community development officers ($name store)', (adapter) => {
  let store: GraphStore;
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    store = await adapter.open();
    await seedStore(store, { households: 200, seed: 7 });
    server = await startTestServer(store);
    admin = await server.token({ sub: 'test-admin', role: 'ADMIN' });
  }, 180_000);
  afterAll(async () => {
    await server.stop();
    await adapter.close(store);
  });

  const report = async (token: string, townshipId?: string) => {
    const res = await server.gql<{ developmentOfficers: Report }>(REPORT, { t: townshipId ?? null }, token);
    expect(res.errors).toBeUndefined();
    return res.data!.developmentOfficers;
  };
  const officersTrained = async () => {
    const res = await server.gql<{ coverage: { targets: Array<{ key: string; current: number }> } }>(TARGET, {}, admin);
    expect(res.errors).toBeUndefined();
    return res.data!.coverage.targets.find((t) => t.key === 'OFFICERS_TRAINED')!.current;
  };

  it("reports the seed's officers against the target of 20: courses with dates, completed or enrolled, and each one's villages and townships", async () => {
    const seen = await report(admin);
    expect(seen).toMatchObject({ target: 20, trained: SYNTHETIC_PEOPLE.trainedDevelopmentOfficers, inTraining: SYNTHETIC_PEOPLE.developmentOfficers - SYNTHETIC_PEOPLE.trainedDevelopmentOfficers });
    expect(seen.definition).toMatch(/已完成/);
    expect(seen.officers).toHaveLength(SYNTHETIC_PEOPLE.developmentOfficers);
    const stored = await listAll(store, 'Person', { role: 'COMMUNITY_DEVELOPMENT_OFFICER' });
    for (const row of seen.officers) {
      const person = stored.find((p) => p.id === row.person.id)!;
      expect(row.trainings).toEqual(person.trainings);
      expect(row.person.trainings).toEqual(person.trainings);
      expect(row.trainings.length).toBeGreaterThan(0);
      expect(row.trained).toBe(row.trainings.some((t) => t.completed));
      expect(row.trainedOn).toBe(row.trained ? person.trainedAt : null);
      expect(row.villages.map((v) => v.id)).toEqual(person.villageIds);
      expect(row.townships.map((t) => t.id)).toEqual(person.townshipIds);
    }
    expect(await officersTrained()).toBe(SYNTHETIC_PEOPLE.trainedDevelopmentOfficers);
  });

  it('records a completed course: the officer counts as trained, in this report and in the coverage target', async () => {
    const before = await report(admin);
    const pending = nonEmpty(before.officers.filter((o) => !o.trained), 'officer in training')[0]!;
    const course = pending.trainings[0]!.course;
    const res = await server.gql<{ recordOfficerTraining: { trainedAt: string | null; trainings: Training[] } }>(
      RECORD,
      { id: pending.person.id, input: { course, date: '2026-11-20', completed: true } },
      admin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.recordOfficerTraining.trainedAt).toBe('2026-11-20');
    expect(res.data!.recordOfficerTraining.trainings).toEqual(expect.arrayContaining([{ course, date: '2026-11-20', completed: true }]));
    const after = await report(admin);
    expect(after.trained).toBe(before.trained + 1);
    expect(after.officers.find((o) => o.person.id === pending.person.id)).toMatchObject({ trained: true, trainedOn: '2026-11-20' });
    expect(await officersTrained()).toBe(before.trained + 1);

    // The same course and date again replaces the entry (idempotent), it does not add one.
    await server.gql(RECORD, { id: pending.person.id, input: { course, date: '2026-11-20', completed: true } }, admin);
    const [stored] = await store.getMany('Person', [pending.person.id]);
    expect(stored!.trainings.filter((t) => t.date === '2026-11-20')).toHaveLength(1);
  });

  it('assigns an officer to villages, adding their townships, within a coordinator\'s townships only', async () => {
    const villages = await listAll(store, 'Village', {});
    const officer = nonEmpty((await report(admin)).officers, 'officer')[0]!;
    const [stored] = await store.getMany('Person', [officer.person.id]);
    const home = stored!.townshipIds[0]!;
    const here = villages.filter((v) => v.townshipId === home).slice(0, 2);
    const elsewhere = villages.find((v) => v.townshipId !== home)!;
    const coordinator = await server.token({ sub: 'test-coordinator', role: 'COORDINATOR', townships: [home] });

    const res = await server.gql<{ assignDevelopmentOfficer: { villages: Array<{ id: string }>; townships: Array<{ id: string }> } }>(
      ASSIGN,
      { id: officer.person.id, input: { villageIds: here.map((v) => v.id) } },
      coordinator,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.assignDevelopmentOfficer.villages.map((v) => v.id)).toEqual(here.map((v) => v.id));
    expect(res.data!.assignDevelopmentOfficer.townships.map((t) => t.id)).toEqual([home]);
    expect((await report(admin, home)).officers.map((o) => o.person.id)).toContain(officer.person.id);

    const outside = await server.gql(ASSIGN, { id: officer.person.id, input: { villageIds: [elsewhere.id] } }, coordinator);
    expect(outside.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', fieldPath: ['input', 'villageIds', 0] });
    const [unchanged] = await store.getMany('Person', [officer.person.id]);
    expect(unchanged!.villageIds).toEqual(here.map((v) => v.id));

    // An ADMIN may move the officer anywhere.
    const moved = await server.gql<{ assignDevelopmentOfficer: { townships: Array<{ id: string }> } }>(ASSIGN, { id: officer.person.id, input: { villageIds: [elsewhere.id] } }, admin);
    expect(moved.data!.assignDevelopmentOfficer.townships.map((t) => t.id)).toEqual([elsewhere.townshipId]);
    // Now outside the coordinator's townships: it may record no course for them either.
    const refused = await server.gql(RECORD, { id: officer.person.id, input: { course: '课程', date: '2026-11-21', completed: false } }, coordinator);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', fieldPath: ['personId'] });
  });

  it('refuses a person who is no development officer, a bad course, and roles that may not keep officers', async () => {
    const liaison = nonEmpty(await listAll(store, 'Person', { role: 'LIAISON' }), 'liaison')[0]!;
    const notOfficer = await server.gql(RECORD, { id: liaison.id, input: { course: '课程', date: '2026-11-21', completed: true } }, admin);
    expect(notOfficer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldPath: ['personId'] });
    const officer = nonEmpty(await listAll(store, 'Person', { role: 'COMMUNITY_DEVELOPMENT_OFFICER' }), 'officer')[0]!;
    const blank = await server.gql(RECORD, { id: officer.id, input: { course: '  ', date: '2026-11-21', completed: true } }, admin);
    expect(blank.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldPath: ['input', 'course'] });
    for (const role of ['DESIGNER', 'SOCIAL_WORKER'] as const) {
      const token = await server.token({ sub: `test-${role}`, role });
      const res = await server.gql(RECORD, { id: officer.id, input: { course: '课程', date: '2026-11-21', completed: true } }, token);
      expect(res.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    }
    const volunteer = await server.token({ sub: 'test-vol', role: 'VOLUNTEER' });
    expect((await server.gql(REPORT, {}, volunteer)).errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    // A DESIGNER reads the report (planning the network), it does not write.
    const designer = await server.token({ sub: 'test-designer', role: 'DESIGNER' });
    expect((await server.gql(REPORT, {}, designer)).errors).toBeUndefined();
  });
});
