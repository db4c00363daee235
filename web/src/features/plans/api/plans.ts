import { useQuery } from '@tanstack/react-query';
import { graphql } from '@/gql';
import type { SavePlanInput } from '@/gql/graphql';
import { execute } from '@/lib/execute';

/**
 * Saved plans (issue 12 item 3, schema/plans.graphql): list, reopen,
 * evaluate as of a date, compare two, save, apply (ADMIN). Plans hold
 * network changes only: no household field is asked for (household counts
 * are the API's suppressed figures and are not requested here).
 */
const PlansQuery = graphql(`
  query Plans {
    plans(first: 50) {
      totalCount
      nodes {
        id
        name
        note
        status
        updatedAt
        appliedAt
        author {
          id
          displayName
        }
        changes {
          kind
        }
      }
    }
  }
`);

const PlanQuery = graphql(`
  query Plan($id: ID!) {
    plan(id: $id) {
      id
      name
      note
      status
      changes {
        kind
        id
        name
        organizationKind
        townshipId
        villageId
        location {
          lat
          lng
          precision
        }
        organizationId
        categories
        area {
          kind
          townshipIds
          villageIds
          km
        }
        online
        capacity
        eligibility {
          ageBands
          requiredMarkers
          anyOfMarkers
          residencyTownshipIds
        }
        serviceStatus
        relationshipId
        fromId
        toId
        type
        status
        since
        until
        stakeholderId
        serviceId
      }
    }
  }
`);

const EvaluatePlanQuery = graphql(`
  query EvaluatePlan($id: ID!, $asOf: Date) {
    evaluatePlan(id: $id, asOf: $asOf) {
      asOf
      plan {
        id
        name
      }
      result {
        newlyCoveredVillages {
          villageId
          villageName
          townshipName
        }
        noLongerCoveredVillages {
          villageId
          villageName
        }
        byCategory {
          category
          villagesBefore
          villagesAfter
          newlyCovered {
            villageId
            villageName
            townshipName
          }
          noLongerCovered {
            villageId
            villageName
          }
        }
      }
      spofsRemoved {
        id
        kind
        label
      }
      spofsAdded {
        id
        kind
        label
      }
    }
  }
`);

const ComparePlansQuery = graphql(`
  query ComparePlans($a: ID!, $b: ID!, $asOf: Date) {
    comparePlans(a: $a, b: $b, asOf: $asOf) {
      asOf
      a {
        plan {
          id
          name
        }
        result {
          newlyCoveredVillages {
            villageId
          }
        }
        spofsRemoved {
          id
          label
        }
      }
      b {
        plan {
          id
          name
        }
        result {
          newlyCoveredVillages {
            villageId
          }
        }
        spofsRemoved {
          id
          label
        }
      }
      byCategory {
        category
        newlyCoveredA
        newlyCoveredB
        onlyA {
          villageId
          villageName
        }
        onlyB {
          villageId
          villageName
        }
        both {
          villageId
          villageName
        }
      }
    }
  }
`);

const SavePlanMutation = graphql(`
  mutation SavePlan($input: SavePlanInput!) {
    savePlan(input: $input) {
      id
      name
      note
      status
      updatedAt
    }
  }
`);

const ApplyPlanMutation = graphql(`
  mutation ApplyPlan($id: ID!) {
    applyPlan(id: $id) {
      id
      status
      appliedAt
    }
  }
`);

export const PLANS_KEY = ['plans'] as const;

export function usePlans() {
  return useQuery({ queryKey: [...PLANS_KEY, 'list'], queryFn: () => execute(PlansQuery).then((d) => d.plans) });
}

export const readPlan = (id: string) => execute(PlanQuery, { id }).then((d) => d.plan);

export function usePlanEvaluation(id: string | null, asOf: string | null) {
  return useQuery({
    queryKey: [...PLANS_KEY, 'evaluate', id, asOf],
    enabled: id !== null,
    queryFn: () => execute(EvaluatePlanQuery, { id: id!, asOf }).then((d) => d.evaluatePlan),
  });
}

export function usePlanComparison(ids: { a: string; b: string } | null, asOf: string | null) {
  return useQuery({
    queryKey: [...PLANS_KEY, 'compare', ids?.a, ids?.b, asOf],
    enabled: ids !== null,
    queryFn: () => execute(ComparePlansQuery, { a: ids!.a, b: ids!.b, asOf }).then((d) => d.comparePlans),
  });
}

export const savePlan = (input: SavePlanInput) => execute(SavePlanMutation, { input }).then((d) => d.savePlan);
export const applyPlan = (id: string) => execute(ApplyPlanMutation, { id }).then((d) => d.applyPlan);

export type PlanRecord = NonNullable<Awaited<ReturnType<typeof readPlan>>>;
export type PlanChangeRecord = PlanRecord['changes'][number];
export type PlanEvaluationData = NonNullable<ReturnType<typeof usePlanEvaluation>['data']>;
export type PlanComparisonData = NonNullable<ReturnType<typeof usePlanComparison>['data']>;
