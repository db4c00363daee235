import { inForceOn, snapshotAsOf } from '../../../src/graph';
import { aRelationship, smallNetwork } from '../../support/builders';

/** The one "as of a date" rule (saved plans, issue 12 item 3): since ≤ asOf ≤ until, both days included, open ends open. */
describe('snapshotAsOf', () => {
  const dated = (since: string | null, until: string | null) => aRelationship({ since, until });

  it('counts a relationship from its since to its until, both days included', () => {
    const r = dated('2027-01-01', '2027-03-31');
    expect(['2026-12-31', '2027-01-01', '2027-02-15', '2027-03-31', '2027-04-01'].map((d) => inForceOn(r, d))).toEqual([false, true, true, true, false]);
  });

  it('takes a missing since or until as open-ended', () => {
    expect(inForceOn(dated(null, null), '1999-01-01')).toBe(true);
    expect(inForceOn(dated(null, '2027-03-31'), '2000-01-01')).toBe(true);
    expect(inForceOn(dated('2027-01-01', null), '2099-12-31')).toBe(true);
  });

  it('filters only the relationships, leaving the snapshot given unchanged', () => {
    const net = smallNetwork();
    const snapshot = {
      townships: net.townships,
      villages: net.villages,
      people: net.people,
      organizations: net.organizations,
      services: net.services,
      relationships: [dated('2027-01-01', null), dated(null, '2026-06-30'), dated(null, null)],
      householdsByVillage: new Map(),
    };
    const asOf = snapshotAsOf(snapshot, '2026-12-01');
    expect(asOf.relationships).toEqual([snapshot.relationships[2]]);
    expect(snapshot.relationships).toHaveLength(3);
    expect(asOf.people).toBe(snapshot.people);
  });

  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(() => snapshotAsOf({ townships: [], villages: [], people: [], organizations: [], services: [], relationships: [], householdsByVillage: new Map() }, '30/06/2027')).toThrow(
      /^graph\/snapshotAsOf: asOf must be a date/,
    );
  });
});
