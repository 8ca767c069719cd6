import type { Locale } from '../../../shared/locale.ts';

/** The signed-in account as `/api/v1/me` describes it; `email` is only ever one's own. */
export interface User {
  id: string;
  displayName: string;
  timeZone: string;
  locale: Locale;
  email?: string;
  isAdmin?: boolean;
  createdAt?: string;
}

export interface UserResponse {
  user: User;
}
