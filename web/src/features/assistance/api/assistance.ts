import { useQuery } from '@tanstack/react-query';
import { graphql } from '@/gql';
import type { RecordAssistanceInput } from '@/gql/graphql';
import { execute } from '@/lib/execute';

const AssistancesQuery = graphql(`
  query Assistances($filter: AssistanceFilter, $health: Boolean!) {
    assistances(first: 50, filter: $filter) {
      nodes {
        id
        at
        outcome
        actorId
        action @include(if: $health)
        note @include(if: $health)
      }
    }
  }
`);

const RecordAssistance = graphql(`
  mutation RecordAssistance($input: RecordAssistanceInput!) {
    recordAssistance(input: $input) {
      id
    }
  }
`);

export const assistancesKey = (needId: string) => ['assistances', needId] as const;

export function useAssistances(needId: string, health: boolean) {
  return useQuery({ queryKey: assistancesKey(needId), queryFn: () => execute(AssistancesQuery, { filter: { needId }, health }).then((d) => d.assistances.nodes) });
}

export const recordAssistance = (input: RecordAssistanceInput) => execute(RecordAssistance, { input }).then((d) => d.recordAssistance.id);
