import { Navigate, Outlet, useLocation } from 'react-router';
import { Loading } from '@/components/Loading';
import { useSession } from '@/lib/session';

/** Signed in, or off to sign-in with the way back (the form's draft waits in sessionStorage). */
export function RequireSession() {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <Loading />;
  if (state.status !== 'signedIn') {
    const back = `${location.pathname}${location.search}`;
    const reason = state.status === 'expired' ? '&expired=1' : '';
    return <Navigate to={`/sign-in?redirectTo=${encodeURIComponent(back)}${reason}`} replace />;
  }
  return <Outlet />;
}
