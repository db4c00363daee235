import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Account } from './account';
import { onApiError } from './apiEvents';
import { currentSession, logout } from './authApi';
import { clearAllDrafts, keepOnlyDraftsOf, keepOnlyOwnedDrafts } from './drafts';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  /** The session ended under the user (expired, disabled): sign in again; drafts are kept for the same account. */
  | { status: 'expired'; previousAccountId: string }
  | { status: 'signedIn'; account: Account };

interface SessionApi {
  state: SessionState;
  signedIn(account: Account): void;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const stateRef = useRef(state);
  stateRef.current = state;

  useEffect(() => {
    let live = true;
    const anonymous = () => {
      // The sign-in screen after a reload: drafts naming no account go now; the rest are filtered at sign-in.
      keepOnlyOwnedDrafts();
      setState({ status: 'anonymous' });
    };
    currentSession()
      .then((account) => {
        if (!live) return;
        if (!account) return anonymous();
        keepOnlyDraftsOf(account.id);
        setState({ status: 'signedIn', account });
      })
      .catch(() => live && anonymous());
    return () => {
      live = false;
    };
  }, []);

  useEffect(
    () =>
      onApiError((error) => {
        if (error.code !== 'UNAUTHENTICATED') return;
        const current = stateRef.current;
        if (current.status !== 'signedIn') return;
        // Nothing read under the old session stays on screen or in memory; the typed drafts stay (same account only).
        queryClient.clear();
        setState({ status: 'expired', previousAccountId: current.account.id });
      }),
    [queryClient],
  );

  const signedIn = useCallback(
    (account: Account) => {
      // Whatever came before (expired, or anonymous after a reload): only this account's drafts stay.
      keepOnlyDraftsOf(account.id);
      queryClient.clear();
      setState({ status: 'signedIn', account });
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await logout();
    } finally {
      await queryClient.cancelQueries();
      queryClient.clear();
      clearAllDrafts();
      setState({ status: 'anonymous' });
    }
  }, [queryClient]);

  const api = useMemo(() => ({ state, signedIn, signOut }), [state, signedIn, signOut]);
  return <SessionContext.Provider value={api}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const api = useContext(SessionContext);
  if (!api) throw new Error('useSession outside <SessionProvider>');
  return api;
}

/** The signed-in account (inside the protected routes only). */
export function useAccount(): Account {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('useAccount outside a signed-in route');
  return state.account;
}
