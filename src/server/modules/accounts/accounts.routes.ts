import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/http/actor.ts';
import { requestLocale } from '../../platform/http/request-locale.ts';
import { ErrorResponse } from '../../../shared/api/error.schemas.ts';
import {
  ChangePasswordBody,
  DeleteAccountBody,
  PasswordResetConfirmBody,
  PasswordResetRequestBody,
  SignInBody,
  SignUpBody,
  UpdateProfileBody,
  UserResponse,
} from '../../../shared/api/accounts.schemas.ts';
import type { AccountsService, SignedIn } from './accounts.service.ts';

export const SESSION_COOKIE = 'entraide_session';

// Sign-in and sign-up are where passwords get guessed and accounts get farmed: limit them
// per address. Retry-After says when to try again.
const LIMITS = {
  signUp: { max: 10, timeWindow: '15 minutes' },
  signIn: { max: 10, timeWindow: '5 minutes' },
  reset: { max: 5, timeWindow: '15 minutes' },
};

function setSessionCookie(request: FastifyRequest, reply: FastifyReply, signedIn: SignedIn): void {
  reply.setCookie(SESSION_COOKIE, signedIn.sessionToken, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    expires: signedIn.expiresAt,
  });
}

/** Resolves the session cookie into `request.actor` before anything else runs. */
export function installSessionAuth(app: FastifyInstance, accounts: AccountsService): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.actor = token ? await accounts.actorForSession(token) : null;
  });
}

export function accountsRoutes(accounts: AccountsService) {
  return async function routes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['accounts'];
    const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 409: ErrorResponse, 429: ErrorResponse };

    app.post(
      '/auth/signup',
      {
        schema: { tags, summary: 'Create an account and sign in', body: SignUpBody, response: { 201: UserResponse, ...errors } },
        config: { access: 'public', rateLimit: LIMITS.signUp },
      },
      async (request, reply) => {
        const signedIn = await accounts.signUp(request.body, { locale: requestLocale(request) });
        setSessionCookie(request, reply, signedIn);
        return reply.status(201).send({ user: signedIn.user });
      },
    );

    app.post(
      '/auth/signin',
      {
        schema: { tags, summary: 'Sign in', body: SignInBody, response: { 200: UserResponse, ...errors } },
        config: { access: 'public', rateLimit: LIMITS.signIn },
      },
      async (request, reply) => {
        const signedIn = await accounts.signIn(request.body.email, request.body.password);
        setSessionCookie(request, reply, signedIn);
        return { user: signedIn.user };
      },
    );

    app.post(
      '/auth/signout',
      {
        config: { access: 'public' },
        schema: { tags, summary: 'Sign out', response: { 204: z.null(), 403: ErrorResponse } },
      },
      async (request, reply) => {
        const token = request.cookies[SESSION_COOKIE];
        if (token) await accounts.signOut(token);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/auth/password-reset',
      {
        schema: {
          tags,
          summary: 'Mail a password reset link (answers 202 whether or not the account exists)',
          body: PasswordResetRequestBody,
          response: { 202: z.object({ ok: z.literal(true) }), ...errors },
        },
        config: { access: 'public', rateLimit: LIMITS.reset },
      },
      async (request, reply) => {
        await accounts.requestPasswordReset(request.body.email);
        return reply.status(202).send({ ok: true });
      },
    );

    app.post(
      '/auth/password-reset/confirm',
      {
        schema: {
          tags,
          summary: 'Choose a new password from a reset link; signs in',
          body: PasswordResetConfirmBody,
          response: { 200: UserResponse, ...errors },
        },
        config: { access: 'token', rateLimit: LIMITS.reset },
      },
      async (request, reply) => {
        const signedIn = await accounts.resetPassword(request.body.token, request.body.password);
        setSessionCookie(request, reply, signedIn);
        return { user: signedIn.user };
      },
    );

    app.get(
      '/me',
      {
        config: { access: 'signed-in' },
        schema: { tags, summary: 'The signed-in account', response: { 200: UserResponse, 401: ErrorResponse } },
      },
      async (request) => ({ user: await accounts.getOwnAccount(requireActor(request.actor)) }),
    );

    app.patch(
      '/me',
      {
        config: { access: 'signed-in' },
        schema: { tags, summary: 'Change display name, time zone or language', body: UpdateProfileBody, response: { 200: UserResponse, ...errors } },
      },
      async (request) => ({ user: await accounts.updateProfile(requireActor(request.actor), request.body) }),
    );

    app.put(
      '/me/password',
      {
        config: { access: 'signed-in' },
        schema: { tags, summary: 'Change password (signs out other devices)', body: ChangePasswordBody, response: { 200: UserResponse, ...errors } },
      },
      async (request, reply) => {
        const signedIn = await accounts.changePassword(requireActor(request.actor), request.body.currentPassword, request.body.newPassword);
        setSessionCookie(request, reply, signedIn);
        return { user: signedIn.user };
      },
    );

    app.delete(
      '/me',
      {
        config: { access: 'signed-in' },
        schema: { tags, summary: 'Delete one’s account and personal data', body: DeleteAccountBody, response: { 204: z.null(), ...errors } },
      },
      async (request, reply) => {
        await accounts.deleteAccount(requireActor(request.actor), request.body.password);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send(null);
      },
    );
  };
}
