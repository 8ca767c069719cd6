import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import { LOCALES } from '../locale.ts';
import { email, text, timeZone } from './text-schemas.ts';

const password = () => z.string().min(LIMITS.passwordMin).max(LIMITS.passwordMax);
const displayName = () => text(LIMITS.displayName);

export const SignUpBody = z.object({
  email: email(),
  password: password(),
  /** May be a pseudonym: members choose how others know them. */
  displayName: displayName(),
  timeZone: timeZone().optional(),
  locale: z.enum(LOCALES).optional(),
});

export const SignInBody = z.object({
  email: email(),
  password: z.string().min(1).max(LIMITS.passwordMax),
});

export const UpdateProfileBody = z.object({
  displayName: displayName().optional(),
  timeZone: timeZone().optional(),
  locale: z.enum(LOCALES).optional(),
});

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(LIMITS.passwordMax),
  newPassword: password(),
});

export const DeleteAccountBody = z.object({
  password: z.string().min(1).max(LIMITS.passwordMax),
});

export const PasswordResetRequestBody = z.object({ email: email() });

export const PasswordResetConfirmBody = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{1,200}$/),
  password: password(),
});

export const User = z.object({
  id: z.string(),
  displayName: z.string(),
  timeZone: z.string(),
  locale: z.enum(LOCALES),
  /** Only ever present on one's own account. */
  email: z.string().optional(),
  isAdmin: z.boolean().optional(),
  /** Platform moderators see every group's moderation queue (admins are moderators too). */
  isModerator: z.boolean().optional(),
  createdAt: z.string().optional(),
});
export type User = z.infer<typeof User>;

export const UserResponse = z.object({ user: User });
export type UserResponse = z.infer<typeof UserResponse>;

export type SignUpInput = z.infer<typeof SignUpBody>;
export type UpdateProfileInput = z.infer<typeof UpdateProfileBody>;
