import { createBrowserRouter } from 'react-router';
import { Layout } from './Layout';
import { RequireSession } from './RequireSession';
import { SignInRoute } from './routes/SignInRoute';
import { HomeRoute } from './routes/HomeRoute';
import { HouseholdsRoute } from './routes/HouseholdsRoute';
import { HouseholdRoute } from './routes/HouseholdRoute';
import { HouseholdEditRoute, HouseholdNewRoute } from './routes/HouseholdFormRoutes';
import { HouseholdImportRoute } from './routes/HouseholdImportRoute';
import { MatchRoute } from './routes/MatchRoute';
import { ReferralsRoute } from './routes/ReferralsRoute';
import { ReferralRoute } from './routes/ReferralRoute';
import { InboxRoute } from './routes/InboxRoute';
import { ServicesRoute } from './routes/ServicesRoute';
import { AccountsRoute } from './routes/AccountsRoute';
import { NotFoundRoute } from './routes/NotFoundRoute';
import { DirectoryRoute } from './routes/DirectoryRoute';
import { CreditRoute } from './routes/CreditRoute';
import { WorkloadRoute } from './routes/WorkloadRoute';
import { AlertsRoute } from './routes/AlertsRoute';

/**
 * Routes. Features never import each other: screens that combine them
 * (a household with its consent and needs; a referral with its help
 * records) are composed here. Issue 12's map and directory get their own
 * routes (/map, /directory) and nav entries beside these.
 */
export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInRoute /> },
  {
    element: <RequireSession />,
    children: [
      {
        element: <Layout />,
        children: [
          { index: true, element: <HomeRoute /> },
          { path: 'households', element: <HouseholdsRoute /> },
          { path: 'households/new', element: <HouseholdNewRoute /> },
          // Issue 14 item 2: import households from a spreadsheet.
          { path: 'households/import', element: <HouseholdImportRoute /> },
          { path: 'households/:id', element: <HouseholdRoute /> },
          { path: 'households/:id/edit', element: <HouseholdEditRoute /> },
          { path: 'needs/:id/match', element: <MatchRoute /> },
          { path: 'referrals', element: <ReferralsRoute /> },
          { path: 'referrals/:id', element: <ReferralRoute /> },
          { path: 'inbox', element: <InboxRoute /> },
          { path: 'services', element: <ServicesRoute /> },
          { path: 'accounts', element: <AccountsRoute /> },
          // The map bundles sigma + ForceAtlas2 (WebGL): its own chunk, loaded when a designer opens it.
          { path: 'map', lazy: () => import('./routes/MapRoute').then((m) => ({ Component: m.MapRoute })) },
          { path: 'directory', element: <DirectoryRoute /> },
          // Issue 15 item 3: the credit company's view and the workload of liaisons, volunteers and development officers.
          { path: 'credit', element: <CreditRoute /> },
          { path: 'workload', element: <WorkloadRoute /> },
          // Issue 15 item 5: pushed alerts (the header's bell opens it).
          { path: 'alerts', element: <AlertsRoute /> },
          { path: '*', element: <NotFoundRoute /> },
        ],
      },
    ],
  },
]);
