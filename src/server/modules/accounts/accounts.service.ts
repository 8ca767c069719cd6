import { randomUUID } from 'node:crypto';
import { isLocale, type Locale } from '../../../shared/locale.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { renderMail } from '../../platform/mail/render.ts';
import { hashPassword, verifyPassword } from '../../platform/security/passwords.ts';
import { hashToken, newToken } from '../../platform/security/tokens.ts';
import type { MembershipsService } from '../groups/memberships.service.ts';
import * as repo from './accounts.repository.ts';
import type { SignUpInput, UpdateProfileInput, User } from '../../../shared/api/accounts.schemas.ts';

const SESSION_DAYS = 30;
const RESET_MINUTES = 60;

export interface SignedIn {
  user: User;
  /** The cookie value; only its hash is stored. */
  sessionToken: string;
  expiresAt: Date;
}

function toUser(row: repo.UserRow, self: boolean): User {
  return {
    id: row.id,
    displayName: row.display_name,
    timeZone: row.time_zone,
    locale: isLocale(row.locale) ? row.locale : 'en',
    ...(self ? { email: row.email, isAdmin: row.is_admin === 1, isModerator: row.is_admin === 1 || row.is_moderator === 1, createdAt: row.created_at } : {}),
  };
}

export function createAccountsService(deps: ServiceDeps & { memberships: MembershipsService }) {
  const { db } = deps;

  async function openSession(userId: string): Promise<{ sessionToken: string; expiresAt: Date }> {
    const token = newToken();
    const now = deps.clock.now();
    const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
    await repo.insertAuthSession(db, { id: hashToken(token), user_id: userId, created_at: now.toISOString(), expires_at: expiresAt.toISOString() });
    return { sessionToken: token, expiresAt };
  }

  async function requireUserRow(userId: string): Promise<repo.UserRow> {
    const row = await repo.findUserById(db, userId);
    if (!row) throw new AppError('UNAUTHENTICATED');
    return row;
  }

  return {
    /** Creates an account and signs it in. The very first account administers the platform. */
    async signUp(input: SignUpInput, defaults: { locale: Locale }): Promise<SignedIn> {
      const passwordHash = await hashPassword(input.password);
      const now = deps.clock.now().toISOString();
      const id = randomUUID();
      const row = await db.transaction().execute(async (trx) => {
        if (await repo.findUserByEmail(trx, input.email)) throw new AppError('EMAIL_TAKEN', { issues: [{ path: 'email', key: 'error.EMAIL_TAKEN' }] });
        const isFirst = (await repo.countUsers(trx)) === 0;
        const user: repo.UserRow = {
          id,
          email: input.email,
          password_hash: passwordHash,
          display_name: input.displayName,
          time_zone: input.timeZone ?? 'UTC',
          locale: input.locale ?? defaults.locale,
          is_admin: isFirst ? 1 : 0,
          is_moderator: 0,
          created_at: now,
          updated_at: now,
        };
        await repo.insertUser(trx, user);
        return user;
      });
      return { user: toUser(row, true), ...(await openSession(row.id)) };
    },

    /** Checks credentials and opens a session; the same 401 whether the e-mail exists or not. */
    async signIn(email: string, password: string): Promise<SignedIn> {
      const row = await repo.findUserByEmail(db, email);
      const ok = await verifyPassword(row?.password_hash ?? null, password);
      if (!row || !ok) throw new AppError('INVALID_CREDENTIALS');
      return { user: toUser(row, true), ...(await openSession(row.id)) };
    },

    async signOut(sessionToken: string): Promise<void> {
      await repo.deleteAuthSession(db, hashToken(sessionToken));
    },

    /** The actor behind a session cookie, or null when it is unknown or expired. */
    async actorForSession(sessionToken: string): Promise<Actor | null> {
      const row = await repo.findUserBySession(db, hashToken(sessionToken), deps.clock.now().toISOString());
      if (!row) return null;
      return {
        id: row.id,
        displayName: row.display_name,
        timeZone: row.time_zone,
        locale: isLocale(row.locale) ? row.locale : 'en',
        isAdmin: row.is_admin === 1,
        isPlatformModerator: row.is_admin === 1 || row.is_moderator === 1,
      };
    },

    async getOwnAccount(actor: Actor): Promise<User> {
      return toUser(await requireUserRow(actor.id), true);
    },

    async updateProfile(actor: Actor, input: UpdateProfileInput): Promise<User> {
      await requireUserRow(actor.id);
      const changes: Partial<repo.UserRow> = { updated_at: deps.clock.now().toISOString() };
      if (input.displayName !== undefined) changes.display_name = input.displayName;
      if (input.timeZone !== undefined) changes.time_zone = input.timeZone;
      if (input.locale !== undefined) changes.locale = input.locale;
      await repo.updateUser(db, actor.id, changes);
      return toUser(await requireUserRow(actor.id), true);
    },

    /** Changes the password after checking the current one; other sessions are signed out. */
    async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<SignedIn> {
      const row = await requireUserRow(actor.id);
      if (!(await verifyPassword(row.password_hash, currentPassword))) {
        throw new AppError('VALIDATION', { issues: [{ path: 'currentPassword', key: 'error.INVALID_CREDENTIALS' }] });
      }
      const hash = await hashPassword(newPassword);
      await db.transaction().execute(async (trx) => {
        await repo.updateUser(trx, row.id, { password_hash: hash, updated_at: deps.clock.now().toISOString() });
        await repo.deleteAuthSessionsOfUser(trx, row.id);
      });
      return { user: toUser(row, true), ...(await openSession(row.id)) };
    },

    /**
     * Mails a one-hour reset link when the address has an account. Says nothing either way,
     * so the form cannot be used to learn who is a member of Entraide.
     */
    async requestPasswordReset(email: string): Promise<void> {
      const row = await repo.findUserByEmail(db, email);
      if (!row) return;
      const token = newToken();
      const now = deps.clock.now();
      await repo.insertPasswordReset(db, {
        id: hashToken(token),
        user_id: row.id,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + RESET_MINUTES * 60_000).toISOString(),
      });
      const locale = isLocale(row.locale) ? row.locale : 'en';
      const url = `${deps.appUrl}/reset-password?token=${encodeURIComponent(token)}`;
      const mail = renderMail(locale, { subject: 'mail.reset.subject', body: 'mail.reset.body', action: 'mail.reset.action' }, { name: row.display_name }, url);
      await deps.mailer.send({ ...mail, to: row.email, kind: 'password-reset' });
    },

    /** Sets a new password from a reset link, ends every session, and signs in afresh. */
    async resetPassword(token: string, newPassword: string): Promise<SignedIn> {
      const now = deps.clock.now().toISOString();
      const reset = await repo.findUsablePasswordReset(db, hashToken(token), now);
      if (!reset) throw new AppError('RESET_TOKEN_INVALID');
      const hash = await hashPassword(newPassword);
      await db.transaction().execute(async (trx) => {
        await repo.updateUser(trx, reset.user_id, { password_hash: hash, updated_at: now });
        await repo.closePasswordResets(trx, reset.user_id, now);
        await repo.deleteAuthSessionsOfUser(trx, reset.user_id);
      });
      const row = await requireUserRow(reset.user_id);
      return { user: toUser(row, true), ...(await openSession(row.id)) };
    },

    /**
     * Erases the account and everything tied to it. Refused while the person is the last
     * leader of a group that has other members: a group never loses its last leader.
     */
    async deleteAccount(actor: Actor, password: string): Promise<void> {
      const row = await requireUserRow(actor.id);
      if (!(await verifyPassword(row.password_hash, password))) {
        throw new AppError('VALIDATION', { issues: [{ path: 'password', key: 'error.INVALID_CREDENTIALS' }] });
      }
      await db.transaction().execute(async (trx) => {
        await deps.memberships.releaseGroupsOfDeparting(trx, actor.id);
        await repo.deleteUser(trx, actor.id);
      });
    },

    /** Public face of another person: never their e-mail. */
    toPublicUser(row: repo.UserRow): User {
      return toUser(row, false);
    },
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
