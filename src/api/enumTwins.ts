import { isEnumType, type GraphQLSchema } from 'graphql';
import { AccountRole } from '../domain/Account';
import { AlertKind } from '../domain/Alert';
import { EXCLUSION_REASONS, VULNERABILITY_TIERS } from '../domain/matching';
import { COVERAGE_DEFINITIONS } from '../domain/coverageDefinitions';
import {
  AgeBand,
  AssistanceOutcome,
  AuditEvent,
  LoanPurpose,
  LocationPrecision,
  Marker,
  NeedStatus,
  OrganizationKind,
  PersonRole,
  ReferralReason,
  ReferralStatus,
  RelationshipStatus,
  RelationshipType,
  ServiceArea,
  ServiceStatus,
  Township,
  Urgency,
  Village,
} from '../domain/model';
import { PlanStatus } from '../domain/Plan';
import { WaitlistStatus } from '../domain/WaitlistEntry';
import { NO_SERVICE_CAUSES } from '../services/coverage/villageCoverage';
import { WHAT_IF_CHANGE_KINDS } from '../services/coverage/WhatIfChange';
import { WORKLOAD_ROLES } from '../services/workload';
import { SENSITIVE_KINDS } from './auth/SensitiveKind';

/**
 * Every SDL enum whose values the code also holds at run time (a zod enum the
 * API validates input with, or a list the services switch over), beside that
 * twin. Start-up fails when a pair differs (checkEnumTwins): an SDL value the
 * zod enum refuses would be accepted by GraphQL and then rejected as bad
 * input, and a zod value the SDL lacks would fail the answer's serialisation.
 */
export const ENUM_TWINS: Readonly<Record<string, { values: readonly string[]; source: string }>> = {
  AccountRole: { values: AccountRole.options, source: 'src/domain/Account.ts' },
  AgeBand: { values: AgeBand.options, source: 'src/domain/model.ts' },
  AlertKind: { values: AlertKind.options, source: 'src/domain/Alert.ts' },
  AssistanceOutcome: { values: AssistanceOutcome.options, source: 'src/domain/model.ts' },
  AuditAction: { values: AuditEvent.shape.action.options, source: 'src/domain/model.ts (AuditEvent.action)' },
  CoverageTargetKey: { values: Object.keys(COVERAGE_DEFINITIONS), source: 'src/domain/coverageDefinitions.ts' },
  ExclusionReason: { values: EXCLUSION_REASONS, source: 'src/domain/matching/MatchResult.ts' },
  LoanPurpose: { values: LoanPurpose.options, source: 'src/domain/model.ts' },
  LocationPrecision: { values: LocationPrecision.options, source: 'src/domain/model.ts' },
  Marker: { values: Marker.options, source: 'src/domain/model.ts' },
  NeedStatus: { values: NeedStatus.options, source: 'src/domain/model.ts' },
  NoServiceCause: { values: NO_SERVICE_CAUSES, source: 'src/services/coverage/villageCoverage.ts' },
  OrganizationKind: { values: OrganizationKind.options, source: 'src/domain/model.ts' },
  PersonRole: { values: PersonRole.options, source: 'src/domain/model.ts' },
  PlanStatus: { values: PlanStatus.options, source: 'src/domain/Plan.ts' },
  ReferralReason: { values: ReferralReason.options, source: 'src/domain/model.ts' },
  ReferralStatus: { values: ReferralStatus.options, source: 'src/domain/model.ts' },
  RelationshipStatus: { values: RelationshipStatus.options, source: 'src/domain/model.ts' },
  RelationshipType: { values: RelationshipType.options, source: 'src/domain/model.ts' },
  SensitiveKind: { values: SENSITIVE_KINDS, source: 'src/api/auth/SensitiveKind.ts' },
  ServiceAreaKind: { values: ServiceArea.options.map((o) => o.shape.kind.value), source: 'src/domain/model.ts (ServiceArea.kind)' },
  ServiceStatus: { values: ServiceStatus.options, source: 'src/domain/model.ts' },
  TownshipKind: { values: Township.shape.kind.options, source: 'src/domain/model.ts (Township.kind)' },
  Urgency: { values: Urgency.options, source: 'src/domain/model.ts' },
  VillageType: { values: Village.shape.type.options, source: 'src/domain/model.ts (Village.type)' },
  VulnerabilityTier: { values: VULNERABILITY_TIERS.map((t) => t.tier), source: 'src/domain/matching/vulnerabilityTier.ts' },
  WaitlistStatus: { values: WaitlistStatus.options, source: 'src/domain/WaitlistEntry.ts' },
  WhatIfChangeKind: { values: WHAT_IF_CHANGE_KINDS, source: 'src/services/coverage/WhatIfChange.ts' },
  WorkloadRole: { values: WORKLOAD_ROLES, source: 'src/services/workload.ts' },
};

/** The differences between the SDL's enums and their twins (empty when they agree). */
export function checkEnumTwins(schema: GraphQLSchema): string[] {
  const problems: string[] = [];
  for (const [name, twin] of Object.entries(ENUM_TWINS)) {
    const type = schema.getType(name);
    if (!isEnumType(type)) {
      problems.push(`enum ${name}: src/api/enumTwins.ts pairs it with ${twin.source}, but the SDL has no such enum`);
      continue;
    }
    const sdl = type.getValues().map((v) => v.name);
    const onlySdl = sdl.filter((v) => !twin.values.includes(v));
    const onlyCode = twin.values.filter((v) => !sdl.includes(v));
    if (onlySdl.length > 0 || onlyCode.length > 0) {
      problems.push(
        `enum ${name} differs from ${twin.source}: only in the SDL [${onlySdl.join(', ')}], only in the code [${onlyCode.join(', ')}]; change both together`,
      );
    }
  }
  return problems;
}
