import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import type { HouseholdRowFragment } from '@/gql/graphql';
import { capabilitiesOf } from '@/lib/permissions';
import zhCN from '@/locales/zh-CN.json';
import { HouseholdTable } from './HouseholdTable';

/**
 * At phone width (390 px) the household table must not run past the screen's right edge: styles.css turns a
 * `.table-cards` table into one card per row, and each cell names its column from `data-label` (the header row
 * is hidden there). These tests check both halves: every cell carries its column's header, and the phone-width
 * rules exist. (The look itself is checked by the browser suite's screenshots.)
 */
const row = (n: number, markers: HouseholdRowFragment['markers']): HouseholdRowFragment => ({
  id: `hh_synthetic-${n}`,
  size: n,
  synthetic: true,
  householdCode: `SYN-510129001007-000000${n}`,
  markers,
  vulnerabilityScore: 0.5 * n,
  village: { id: 'vil_510129001007', displayName: '南苑社区', township: { id: 'twp_510129001000', name: '晋原街道' } },
  head: { name: `户主-合成-${n}` },
});

const texts = (html: string, tag: 'th' | 'td'): string[] => [...html.matchAll(new RegExp(`<${tag}\\b[^>]*>`, 'g'))].map((m) => m[0]);
const attr = (tagHtml: string, name: string): string | null => new RegExp(`${name}="([^"]*)"`).exec(tagHtml)?.[1] ?? null;

const i18n = i18next.createInstance();
void i18n.init({ resources: { 'zh-CN': { translation: zhCN } }, lng: 'zh-CN', initAsync: false, interpolation: { escapeValue: false } });

function render(role: 'COORDINATOR' | 'VOLUNTEER'): string {
  const rows = [row(1, ['SOLITARY_ELDERLY']), row(2, [])];
  const table = createElement(HouseholdTable, { rows, caps: capabilitiesOf(role), testId: 'households-table' });
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n }, createElement(MemoryRouter, null, table)));
}

describe('the household table at phone width', () => {
  it.each(['COORDINATOR', 'VOLUNTEER'] as const)('labels every cell with its column header, for the columns a %s sees', (role) => {
    const html = render(role);
    expect(html).toMatch(/<table class="[^"]*\btable-cards\b/);
    const headers = [...html.matchAll(/<th scope="col">([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(headers.length).toBeGreaterThanOrEqual(3);
    expect(headers).toContain(zhCN.households.village); // the catalogue's words, not keys
    const labels = texts(html, 'td').map((td) => attr(td, 'data-label'));
    expect(labels).toEqual([...headers, ...headers]); // two rows, each cell under its own header
    expect(texts(html, 'th').length).toBe(headers.length);
  });

  it('has phone-width rules that make a .table-cards table one card per row, labelled from data-label', () => {
    const css = readFileSync(join(__dirname, '../../../styles.css'), 'utf8');
    const phone = /@media \(max-width: 640px\) \{([\s\S]*?)\n\}/.exec(css)?.[1] ?? '';
    expect(phone).toMatch(/\.table-cards, \.table-cards tbody, \.table-cards tr \{[^}]*display: block/);
    expect(phone).toMatch(/\.table-cards td \{[^}]*display: block/);
    expect(phone).toMatch(/\.table-cards td::before \{[^}]*content: attr\(data-label\)/);
    expect(phone).toMatch(/\.table-cards thead \{[^}]*position: absolute/); // hidden from sight, kept for screen readers
  });
});
