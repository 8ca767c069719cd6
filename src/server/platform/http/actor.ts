import type { Locale } from '../../../shared/locale.ts';
import { AppError } from './app-error.ts';

/** Who is asking: the signed-in user, as every service receives them. */
export interface Actor {
  id: string;
  displayName: string;
  timeZone: string;
  locale: Locale;
  isAdmin: boolean;
  /** users.is_admin or users.is_moderator: moderates every group, private ones too. Set once, where the actor is built. */
  isPlatformModerator: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** The signed-in actor, or a 401. */
export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  return actor;
}
