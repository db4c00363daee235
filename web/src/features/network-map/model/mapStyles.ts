import type { MapNodeKind, RelationshipStatus } from './mapData';

/**
 * How the map draws the network: one table, read by buildMapGraph (the
 * graphology attributes sigma renders) and by the legend, so the two never
 * disagree. Status reads apart without dashes (sigma 3 has none): colour,
 * width and opacity all change together.
 */
export interface EdgeStyle {
  color: string;
  size: number;
  opacity: number;
}

export const EDGE_STYLE: Readonly<Record<RelationshipStatus, EdgeStyle>> = {
  ESTABLISHED: { color: '#1f7a3a', size: 2.6, opacity: 1 },
  BUILDING: { color: '#e08600', size: 1.7, opacity: 0.85 },
  PROSPECTIVE: { color: '#6f8fc0', size: 0.9, opacity: 0.45 },
};

/** A village in its township: geography, drawn faint and neutral so it never reads as a status. */
export const PART_OF_STYLE: EdgeStyle = { color: '#c8c8c8', size: 0.5, opacity: 0.5 };

export interface NodeStyle {
  color: string;
  size: number;
}

export const NODE_STYLE: Readonly<Record<MapNodeKind, NodeStyle>> = {
  township: { color: '#5b3e8c', size: 14 },
  village: { color: '#8c8c8c', size: 4 },
  person: { color: '#2a7ab8', size: 6 },
  organization: { color: '#c0392b', size: 10 },
  service: { color: '#16a085', size: 5 },
};

/** Colours within a kind: people by role, organisations by kind. */
export const SUB_KIND_COLOR: Readonly<Record<string, string>> = {
  LIAISON: '#1f77b4',
  VOLUNTEER: '#6baed6',
  SOCIAL_WORKER: '#3f51b5',
  COMMUNITY_DEVELOPMENT_OFFICER: '#0097a7',
  CREDIT_OFFICER: '#00507a',
  COORDINATOR: '#283593',
  NGO: '#e74c3c',
  SOCIAL_WORK_STATION: '#c0392b',
  GOVERNMENT_BUREAU: '#7f4f24',
  INCUBATED_ENTERPRISE: '#d35400',
  CREDIT_COMPANY: '#8e2a5b',
  CARE_INSTITUTION: '#b03a8a',
  ENTERPRISE: '#e67e22',
  ASSOCIATION: '#a04000',
  OTHER: '#9e4b4b',
};

/** A node whose own standing is not yet ESTABLISHED is drawn lighter, by the same opacity as its status's edges. */
export function withOpacity(hex: string, opacity: number): string {
  if (opacity >= 1) return hex;
  const alpha = Math.round(opacity * 255)
    .toString(16)
    .padStart(2, '0');
  return `${hex}${alpha}`;
}

/** Coverage overlay: how many of the three core categories a village reaches (0…3), or, for one category, reached or not. */
export const COVERAGE_COLORS = ['#d73027', '#fc8d59', '#fee08b', '#1a9850'] as const;
export const SPOF_COLOR = '#ff00aa';
export const SELECTED_COLOR = '#111111';

/** CJK first: labels are drawn on a 2D canvas with this stack (no web fonts). */
export const LABEL_FONT = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", sans-serif';
