import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { ApiError, setCsrfToken } from '../api/client';
import { authApi, type Me } from '../api/auth';

type Session = {
  me?: Me;
  loading: boolean;
  login: (username: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
  switchCompany: (companyId: string) => Promise<void>;
  can: (...roles: string[]) => boolean;
  /** Reads the session again (e.g. after the one-time password was changed). */
  reload: () => Promise<void>;
};

const SessionContext = createContext<Session | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me>();
  const [loading, setLoading] = useState(true);

  const load = useCallback(async () => {
    try {
      const m = await authApi.me();
      setCsrfToken(m.csrfToken);
      setMe(m);
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) throw e;
      setMe(undefined);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => void load(), [load]);

  const value: Session = {
    me,
    loading,
    login: async (username, password) => {
      const r = await authApi.login(username, password);
      setCsrfToken(r.csrfToken);
      await load();
    },
    logout: async () => {
      await authApi.logout();
      setCsrfToken(undefined);
      setMe(undefined);
    },
    switchCompany: async (companyId) => {
      setMe(await authApi.switchCompany(companyId));
    },
    reload: load,
    can: (...roles) => !!me && (me.roles.includes('admin') || roles.some((r) => me.roles.includes(r))),
  };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
