import { graphql } from '@/gql';
import { execute } from '@/lib/execute';

const JoinWaitlistMutation = graphql(`
  mutation JoinWaitlist($needId: ID!, $serviceId: ID!, $idempotencyKey: String) {
    joinWaitlist(needId: $needId, serviceId: $serviceId, idempotencyKey: $idempotencyKey) {
      created
      entry {
        status
        position
      }
    }
  }
`);

export const joinWaitlist = (needId: string, serviceId: string, idempotencyKey: string) =>
  execute(JoinWaitlistMutation, { needId, serviceId, idempotencyKey }).then((d) => d.joinWaitlist);
