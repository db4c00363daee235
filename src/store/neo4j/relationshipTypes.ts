import { RelationshipType } from '../../domain/model';
import { Q, type QueryName } from './cypherRegistry';

/**
 * Stakeholder relationships are edges of their own Neo4j type, one per
 * RelationshipType value (`(:Person)-[:KNOWS {id, status, since, until, …}]->(:Organization)`),
 * so Neo4j Browser and the planner see them as what they are (layout 2; layout 1
 * stored them all as `[:LINK {type}]`, see schemaUpgrade.ts).
 *
 * Neo4j constraints name a single relationship type, so each type has its own
 * id constraint (unique, and the range index lookups by id use) and its own
 * (fromId, toId) constraint (UNIQUE_KEYS.Relationship: fromId+toId+type). The
 * Record type makes this table exhaustive: a new RelationshipType does not
 * compile until its constraints exist. Statements that match every
 * relationship list the types as a union (`[r:PARTNER|MEMBER_OF|…]`);
 * test/unit/store/relationshipTypes.test.ts checks each union is exactly the enum.
 */
export const RELATIONSHIP_CONSTRAINTS: { readonly [T in RelationshipType]: { id: QueryName; ends: QueryName } } = {
  PARTNER: { id: Q.createConstraintRelationshipIdPartner, ends: Q.createConstraintRelationshipEndsPartner },
  MEMBER_OF: { id: Q.createConstraintRelationshipIdMemberOf, ends: Q.createConstraintRelationshipEndsMemberOf },
  WORKS_WITH: { id: Q.createConstraintRelationshipIdWorksWith, ends: Q.createConstraintRelationshipEndsWorksWith },
  REFERS_TO: { id: Q.createConstraintRelationshipIdRefersTo, ends: Q.createConstraintRelationshipEndsRefersTo },
  SERVES: { id: Q.createConstraintRelationshipIdServes, ends: Q.createConstraintRelationshipEndsServes },
  FUNDS: { id: Q.createConstraintRelationshipIdFunds, ends: Q.createConstraintRelationshipEndsFunds },
  INCUBATED_BY: { id: Q.createConstraintRelationshipIdIncubatedBy, ends: Q.createConstraintRelationshipEndsIncubatedBy },
  SUPERVISES: { id: Q.createConstraintRelationshipIdSupervises, ends: Q.createConstraintRelationshipEndsSupervises },
  KNOWS: { id: Q.createConstraintRelationshipIdKnows, ends: Q.createConstraintRelationshipEndsKnows },
};

/** Every RelationshipType, in the enum's order (the migration's `$types`). */
export const RELATIONSHIP_TYPES: readonly RelationshipType[] = RelationshipType.options;

/** The constraint statements of every relationship type, for init(). */
export const RELATIONSHIP_SCHEMA_STATEMENTS: readonly QueryName[] = RELATIONSHIP_TYPES.flatMap((t) => [
  RELATIONSHIP_CONSTRAINTS[t].id,
  RELATIONSHIP_CONSTRAINTS[t].ends,
]);
