/**
 * Every route says who may call it, in `config.access`; `installRouteAccess` (app.ts, before
 * any route) refuses to register a route without one, so `buildApp` fails, and enforces the
 * signed-in, platform-moderator and admin parts centrally. The services keep their own checks
 * (the group part is theirs: `loadGroupFor`); the answers are the same either way (401
 * UNAUTHENTICATED, 403 FORBIDDEN), and request validation still runs first.
 */
import type { FastifyInstance, preHandlerHookHandler } from 'fastify';
import type { GroupNeed } from '../../../shared/group-needs.ts';
import { AppError, forbidden } from './app-error.ts';

/**
 * - 'public': anyone, signed in or not.
 * - 'signed-in': any signed-in person (about themselves, or checked further by the service).
 * - 'platform-moderator' / 'admin': users.is_moderator or is_admin / users.is_admin only.
 * - 'token': no account; authorised by a secret token in the URL (feeds, unsubscribe, invitations, resets).
 * - `{ group }`: a group-scoped route and what the caller needs of that group; signed-in unless
 *   `anonymous: true` (a group's public pages: anonymous callers are treated as strangers).
 */
export type RouteAccess = 'public' | 'signed-in' | 'platform-moderator' | 'admin' | 'token' | { group: GroupNeed; anonymous?: true };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

/** Whether a declaration lets anonymous callers through to the handler. */
export function allowsAnonymous(access: RouteAccess): boolean {
  if (typeof access === 'object') return access.anonymous === true;
  return access === 'public' || access === 'token';
}

const requireSignedIn: preHandlerHookHandler = async (request) => {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
};
const requirePlatformModerator: preHandlerHookHandler = async (request) => {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
  if (!request.actor.isPlatformModerator) throw forbidden();
};
const requireAdmin: preHandlerHookHandler = async (request) => {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
  if (!request.actor.isAdmin) throw forbidden();
};

function centralCheck(access: RouteAccess): preHandlerHookHandler | null {
  if (access === 'admin') return requireAdmin;
  if (access === 'platform-moderator') return requirePlatformModerator;
  return allowsAnonymous(access) ? null : requireSignedIn;
}

/** Routes the application serves itself (the web app's static files are not declared). */
const DECLARED = /^\/(api|feeds|unsubscribe|healthz)(\/|$)/;

export interface DeclaredRoute {
  method: string;
  url: string;
  access: RouteAccess;
  /** The OpenAPI tags: which module's routes these are (tests pick a module's routes by them). */
  tags: readonly string[];
}

const routeTables = new WeakMap<FastifyInstance, DeclaredRoute[]>();

/** Every declared route of an app, as registered (the generated access matrix walks it). */
export function declaredRoutes(app: FastifyInstance): readonly DeclaredRoute[] {
  return routeTables.get(app) ?? [];
}

/** Installs the declaration check and the central checks; call before registering routes. */
export function installRouteAccess(app: FastifyInstance): void {
  const table: DeclaredRoute[] = [];
  routeTables.set(app, table);
  app.addHook('onRoute', (route) => {
    if (!DECLARED.test(route.url)) return;
    const access = route.config?.access;
    if (access === undefined) throw new Error(`Route ${String(route.method)} ${route.url} does not declare config.access`);
    const check = centralCheck(access);
    if (check) {
      const existing = route.preHandler === undefined ? [] : Array.isArray(route.preHandler) ? route.preHandler : [route.preHandler];
      route.preHandler = [check, ...existing];
    }
    const tags = (route.schema as { tags?: string[] } | undefined)?.tags ?? [];
    for (const method of [route.method].flat()) table.push({ method, url: route.url, access, tags });
  });
}
