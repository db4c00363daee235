import type { Capabilities } from '@/lib/permissions';

/** The @include flags of the household documents: only the sensitive fields the role may read are requested. */
export function householdFieldFlags(caps: Capabilities) {
  return { identity: caps.see.identity, officialId: caps.see.officialId, social: caps.see.socialAssistance, children: caps.see.children };
}
