import type { AgeBand, Marker, Service } from '../model';

/**
 * Human-readable names used in explanations. Coordinators read these in
 * Chinese practice terms, so the Chinese term stays next to the English one.
 */
export const MARKER_LABELS: Readonly<Record<Marker, string>> = {
  DIBAO: 'a minimum-living allowance (低保)',
  TEKUN: 'extreme-poverty support (特困)',
  DISABILITY_CERTIFICATE: 'a disability certificate (残疾证)',
  SERIOUS_ILLNESS: 'a serious-illness record (大病)',
  LEFT_BEHIND_CHILDREN: 'left-behind children (留守儿童)',
  SOLITARY_ELDERLY: 'a solitary elderly member (独居老人)',
  EMPTY_NEST_ELDERLY: 'empty-nest elderly (空巢老人)',
};

export const AGE_BAND_LABELS: Readonly<Record<AgeBand, string>> = {
  AGE_0_3: '0–3',
  AGE_4_6: '4–6',
  AGE_7_17: '7–17',
  AGE_18_59: '18–59',
  AGE_60_79: '60–79',
  AGE_80_PLUS: '80+',
};

/** "童萌亲子园 (svc_tongmeng)": a name for people, an id for support tickets. */
export function serviceLabel(service: Pick<Service, 'id' | 'name'>): string {
  return `${service.name} (${service.id})`;
}

/** "a, b or c" / "a, b and c". */
export function joinWords(words: readonly string[], conjunction: 'and' | 'or'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1] as string}`;
}
