import { msg } from '@/lib/msg';
import type { Capabilities } from '@/lib/permissions';

export interface NavItem {
  name: string;
  to: string;
  label: string;
}

/** The nav for a role: only screens the role may use. */
export function navFor(caps: Capabilities): NavItem[] {
  const items: NavItem[] = [];
  if (caps.householdList) items.push({ name: 'households', to: '/households', label: msg('nav.households') });
  if (caps.referralBoard) items.push({ name: 'referrals', to: '/referrals', label: msg('nav.referrals') });
  if (caps.inbox) items.push({ name: 'inbox', to: '/inbox', label: msg('nav.inbox') });
  if (caps.maintainServices) items.push({ name: 'services', to: '/services', label: msg('nav.services') });
  if (caps.manageAccounts) items.push({ name: 'accounts', to: '/accounts', label: msg('nav.accounts') });
  if (caps.networkMap) items.push({ name: 'map', to: '/map', label: msg('networkMap.nav.map') });
  if (caps.directory) items.push({ name: 'directory', to: '/directory', label: msg('networkMap.nav.directory') });
  if (caps.creditOwn || caps.creditPortfolio) items.push({ name: 'credit', to: '/credit', label: msg('credit.nav.credit') });
  if (caps.workload) items.push({ name: 'workload', to: '/workload', label: msg('credit.nav.workload') });
  return items;
}

/** Where a role lands after signing in. */
export function homeFor(caps: Capabilities): string {
  if (caps.householdList) return '/households';
  if (caps.inbox) return '/inbox';
  if (caps.manageAccounts) return '/accounts';
  if (caps.networkMap) return '/map';
  if (caps.directory) return '/directory';
  if (caps.creditOwn) return '/credit';
  return '/';
}
