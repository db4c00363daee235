/**
 * Community development officers and serious-illness bridging loans in the GraphStore contract (issue 15 item 3),
 * run by describeGraphStoreContract against every adapter: an officer's courses and assignment survive a round
 * trip and an update, a person stored without courses reads back with none, and a loan's bridging flag is kept.
 */
import { withTraining } from '../../src/domain/developmentOfficers';
import type { GraphStore } from '../../src/store/GraphStore';
import { aHousehold, aPerson } from '../support/builders';

export function describeDevelopmentOfficerContract(current: () => GraphStore, place: () => { villageId: string; townshipId: string; officerId: string }): void {
  describe('development officers and bridging loans', () => {
    it("keeps an officer's courses (course, date, completed) and assignment through create, update and a list by township", async () => {
      const { villageId, townshipId } = place();
      const officer = await current().create(
        'Person',
        aPerson({
          roles: ['COMMUNITY_DEVELOPMENT_OFFICER'],
          trainings: [{ course: '社区发展专员基础培训（合成）', date: '2025-11-01', completed: false }],
        }),
      );
      const [read] = await current().getMany('Person', [officer.id]);
      expect(read?.trainings).toEqual([{ course: '社区发展专员基础培训（合成）', date: '2025-11-01', completed: false }]);
      expect(read?.trainedAt).toBeNull();

      const completed = withTraining(read!, { course: '社区发展专员基础培训（合成）', date: '2025-11-01', completed: true });
      await current().update('Person', { ...completed, villageIds: [villageId], townshipIds: [townshipId] });
      const [after] = await current().getMany('Person', [officer.id]);
      expect(after).toMatchObject({
        trainings: [{ course: '社区发展专员基础培训（合成）', date: '2025-11-01', completed: true }],
        trainedAt: '2025-11-01',
        villageIds: [villageId],
        townshipIds: [townshipId],
      });
      const listed = await current().list('Person', { role: 'COMMUNITY_DEVELOPMENT_OFFICER', townshipId }, { first: 100 });
      expect(listed.items.find((p) => p.id === officer.id)?.trainings).toHaveLength(1);
    });

    it('reads a person stored without courses as having none', async () => {
      const person = await current().create('Person', aPerson({ roles: ['LIAISON'] }));
      const [read] = await current().getMany('Person', [person.id]);
      expect(read?.trainings).toEqual([]);
    });

    it("keeps a loan's serious-illness bridging flag, and reads a loan without it as without it", async () => {
      const { villageId, officerId } = place();
      const loan = { creditOfficerId: officerId, amountYuan: 20_000, purpose: 'OTHER' as const, since: '2025-03-01' };
      const bridging = await current().create('Household', aHousehold({ villageId, markers: ['SERIOUS_ILLNESS'], loan: { ...loan, seriousIllnessBridging: true } }));
      const plain = await current().create('Household', aHousehold({ villageId, loan }));
      const [readBridging, readPlain] = await current().getMany('Household', [bridging.id, plain.id]);
      expect(readBridging?.loan?.seriousIllnessBridging).toBe(true);
      expect(readPlain?.loan).toEqual(loan);
      expect(readPlain?.loan?.seriousIllnessBridging).toBeUndefined();
    });
  });
}
