import type { StaffUser } from '@assay/contracts';
import { createContext, useContext } from 'react';

export interface StaffSession {
  user: StaffUser;
  /** Reads `/api/auth/me` again (after a name or role change). */
  refresh(): Promise<void>;
  signOut(): Promise<void>;
}

export const StaffContext = createContext<StaffSession | null>(null);

/** The signed-in member of staff; only pages inside the console's layout call it. */
export function useStaff(): StaffSession {
  const session = useContext(StaffContext);
  if (!session) throw new Error('useStaff() outside the console layout');
  return session;
}
