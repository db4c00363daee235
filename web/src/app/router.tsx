import { createBrowserRouter } from 'react-router';
import { Layout } from './Layout';
import { RequireSession } from './RequireSession';
import { SignInRoute } from './routes/SignInRoute';
import { HomeRoute } from './routes/HomeRoute';
import { HouseholdsRoute } from './routes/HouseholdsRoute';
import { HouseholdRoute } from './routes/HouseholdRoute';
import { HouseholdEditRoute, HouseholdNewRoute } from './routes/HouseholdFormRoutes';
import { MatchRoute } from './routes/MatchRoute';
import { ReferralsRoute } from './routes/ReferralsRoute';
import { ReferralRoute } from './routes/ReferralRoute';
import { InboxRoute } from './routes/InboxRoute';
import { ServicesRoute } from './routes/ServicesRoute';
import { AccountsRoute } from './routes/AccountsRoute';
import { NotFoundRoute } from './routes/NotFoundRoute';
import { DirectoryRoute } from './routes/DirectoryRoute';

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
          { path: '*', element: <NotFoundRoute /> },
        ],
      },
    ],
  },
]);
