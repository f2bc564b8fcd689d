import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, ApiError, setCsrfToken } from '../api/client';
import type { Me } from '../api/types';

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
      const m = await api.get<Me>('/api/auth/me');
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
      const r = await api.post<{ csrfToken: string }>('/api/auth/login', { username, password, mode: 'cookie' });
      setCsrfToken(r.csrfToken);
      await load();
    },
    logout: async () => {
      await api.post('/api/auth/logout');
      setCsrfToken(undefined);
      setMe(undefined);
    },
    switchCompany: async (companyId) => {
      setMe(await api.post<Me>('/api/auth/company', { companyId }));
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
