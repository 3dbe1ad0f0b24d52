/**
 * The HTTP layer of `goalsim serve` (fastify): the seed-001 routes plus the clock, each body and
 * query validated against serve/schemas.ts, a bearer token checked in constant time on every
 * route when one is set, CORS only for a named origin, and the OpenAPI document derived from the
 * same route table. Answers come from ReplayService.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import cors from '@fastify/cors';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import { formatJsonPath } from '../errors.js';
import { VERSION } from '../version.js';
import { ReplayService, ServeError } from './replayService.js';
import { calculateBody, clockBody, emptyBody, progressQuery } from './schemas.js';

export const BODY_LIMIT_BYTES = 1 << 20;

export interface ServerOptions {
  /** Required for a host other than loopback; checked as `Authorization: Bearer <token>`. */
  readonly token?: string | undefined;
  /** The one origin allowed to call from a browser; none by default. */
  readonly cors?: string | undefined;
}

type Method = 'GET' | 'POST';

interface Route {
  readonly method: Method;
  readonly url: string;
  readonly summary: string;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  readonly goalParam?: boolean;
  readonly html?: boolean;
  readonly handle: (input: { readonly goal: string; readonly query: unknown; readonly body: unknown }) => unknown;
}

const HINT = 'GET /api/v1/openapi.json describes every route and body';

/** The request part that does not validate, as one line naming its JSON path. */
class InputError extends Error {
  constructor(
    readonly where: string,
    message: string,
  ) {
    super(message);
  }
}

function parse<T>(schema: z.ZodType<T>, value: unknown, part: 'body' | 'query'): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = formatJsonPath(issue?.path ?? []);
  throw new InputError(path === '' ? part : `${part}.${path}`, issue?.message ?? 'invalid');
}

function routesOf(service: ReplayService): Route[] {
  return [
    { method: 'GET', url: '/api/v1/clock', summary: 'The simulated time, bars done and bars left', handle: () => ({ success: true, data: service.clock() }) },
    { method: 'POST', url: '/api/v1/clock', summary: 'Advance the replay to a time or by a number of bars (never backwards: 409)', body: clockBody, handle: ({ body }) => ({ success: true, data: service.advance(body as { to: number } | { bars: number }) }) },
    { method: 'GET', url: '/api/v1/goals/summary', summary: 'Every goal and its progress at the simulated time', handle: () => ({ success: true, data: service.summary() }) },
    { method: 'GET', url: '/api/v1/goals/:goal_id/progress', summary: "A goal's progress rows (the tracker's cycles) so far", goalParam: true, query: progressQuery, handle: ({ goal, query }) => ({ success: true, goal_id: goal, progress: service.progress(goal, query as z.output<typeof progressQuery>) }) },
    { method: 'GET', url: '/api/v1/goals/:goal_id/adjustments', summary: "The tracker's risk adjustments for a goal, and the account's drawdown protection", goalParam: true, handle: ({ goal }) => ({ success: true, goal_id: goal, adjustments: service.adjustments(goal) }) },
    { method: 'POST', url: '/api/v1/goals/:goal_id/update-progress', summary: 'Run a tracker update now, as its interval timer would; the goal\'s new row', goalParam: true, body: emptyBody, handle: ({ goal }) => ({ success: true, data: service.updateProgress(goal) }) },
    { method: 'GET', url: '/api/v1/goals/milestones/:goal_id', summary: "A goal's milestones reached so far", goalParam: true, handle: ({ goal }) => ({ success: true, goal_id: goal, milestones: service.milestones(goal) }) },
    { method: 'POST', url: '/api/v1/position-sizing/calculate', summary: "Size an order now from the replay's equity, trades, volatility and tracker risk", body: calculateBody, handle: ({ body }) => ({ success: true, data: service.calculate(body as z.output<typeof calculateBody>) }) },
  ];
}

/** OpenAPI 3.1 of every route, from the route table and its zod schemas. */
export function openApiDocument(service: ReplayService): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const errors = { 400: 'a body or query that does not validate (names its JSON path)', 401: 'missing or wrong bearer token', 404: 'unknown goal or route', 405: 'method not allowed on this route', 409: 'the clock cannot do that now', 413: 'body over 1 MB' };
  const all: { method: Method; url: string; summary: string; route?: Route }[] = [
    ...routesOf(service).map((route) => ({ method: route.method, url: route.url, summary: route.summary, route })),
    { method: 'GET', url: '/api/v1/openapi.json', summary: 'This document' },
    { method: 'GET', url: '/', summary: 'The run report of the replay so far (HTML)' },
  ];
  for (const { method, url, summary, route } of all) {
    const path = url.replace(/:(\w+)/g, '{$1}');
    const parameters: unknown[] = [];
    if (route?.goalParam === true) parameters.push({ name: 'goal_id', in: 'path', required: true, schema: { type: 'string', enum: service.goals } });
    if (route?.query !== undefined) {
      const schema = z.toJSONSchema(route.query, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown> };
      for (const [name, property] of Object.entries(schema.properties ?? {})) parameters.push({ name, in: 'query', required: false, schema: property });
    }
    paths[path] ??= {};
    (paths[path] as Record<string, unknown>)[method.toLowerCase()] = {
      summary,
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(route?.body !== undefined && route.body !== emptyBody ? { requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(route.body, { io: 'input', unrepresentable: 'any' }) } } } } : {}),
      responses: { 200: { description: 'ok', content: { [url === '/' ? 'text/html' : 'application/json']: {} } }, ...Object.fromEntries(Object.entries(errors).map(([code, description]) => [code, { description }])) },
      // the token, when the server has one, guards every route, this document included
      security: [{ bearer: [] }],
    };
  }
  return { openapi: '3.1.0', info: { title: 'goalsim serve', version: VERSION, description: 'The seed-001 goal and position-sizing API over a replay whose simulated clock the client drives.' }, paths, components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } } };
}

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/** True when `header` carries the token; compared in constant time (digests of equal length). */
function authorized(header: string | undefined, token: string): boolean {
  // the scheme is case-insensitive (RFC 7235): "bearer" and "BEARER" are "Bearer"
  const given = /^bearer +(.+)$/i.exec(header ?? '')?.[1] ?? '';
  return timingSafeEqual(digest(given), digest(token)) && given.length > 0;
}

function fail(reply: FastifyReply, status: number, error: string, extra: Record<string, unknown> = {}): FastifyReply {
  return reply.code(status).type('application/json').send({ success: false, error, ...extra });
}

export async function buildServer(service: ReplayService, options: ServerOptions = {}): Promise<FastifyInstance> {
  // goal ids are checked by the routes (404 naming the goals), not cut off at 100 characters with
  // a bare 414; a body key "__proto__" is dropped before validation rather than failing the parse
  const app = Fastify({ bodyLimit: BODY_LIMIT_BYTES, logger: false, forceCloseConnections: true, routerOptions: { maxParamLength: 2000 }, onProtoPoisoning: 'remove', onConstructorPoisoning: 'remove' });
  if (options.cors !== undefined) await app.register(cors, { origin: options.cors });
  const token = options.token;
  if (token !== undefined) {
    app.addHook('onRequest', async (request, reply) => {
      if (request.method === 'OPTIONS') return; // a CORS preflight carries no credentials
      if (!authorized(request.headers.authorization, token)) {
        void reply.header('www-authenticate', 'Bearer');
        return fail(reply, 401, 'a bearer token is required: Authorization: Bearer <token>');
      }
      return undefined;
    });
  }
  const routes = routesOf(service);
  // one handler per route: validate, answer, map the service's errors to their codes
  for (const route of routes) {
    app.route({
      method: route.method,
      url: route.url,
      handler: async (request: FastifyRequest, reply: FastifyReply) => {
        try {
          const goal = (request.params as Record<string, string> | undefined)?.['goal_id'] ?? '';
          const query = route.query === undefined ? undefined : parse(route.query, request.query, 'query');
          const body = route.body === undefined ? undefined : parse(route.body, request.body, 'body');
          return await reply.type('application/json').send(route.handle({ goal, query, body }));
        } catch (error) {
          if (error instanceof InputError) return fail(reply, 400, `${error.where}: ${error.message}`, { path: error.where, hint: HINT });
          if (error instanceof ServeError) return fail(reply, error.status, error.message, error.hint === undefined ? {} : { hint: error.hint });
          throw error;
        }
      },
    });
  }
  app.get('/api/v1/openapi.json', async (_request, reply) => reply.type('application/json').send(openApiDocument(service)));
  app.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').send(await service.reportHtml()));

  // an unknown route is 404; a known one asked with another method is 405 with the methods it takes
  const patterns = [...routes.map((r) => ({ method: r.method as string, url: r.url })), { method: 'GET', url: '/api/v1/openapi.json' }, { method: 'GET', url: '/' }].map((r) => ({ method: r.method, regex: new RegExp(`^${r.url.replace(/:\w+/g, '[^/]+')}$`) }));
  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const allowed = patterns.filter((p) => p.regex.test(path)).map((p) => p.method);
    if (allowed.length > 0) return fail(reply.header('allow', [...new Set(allowed)].join(', ')), 405, `${request.method} is not allowed on ${path.slice(0, 200)}`, { allow: [...new Set(allowed)] });
    return fail(reply, 404, `no route ${request.method} ${path.slice(0, 200)}`, { hint: HINT });
  });
  app.setErrorHandler(async (error: { statusCode?: number; code?: string; message: string }, _request, reply) => {
    if (error.statusCode === 413) return fail(reply, 413, `the body is over ${BODY_LIMIT_BYTES / (1 << 20)} MB`);
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) return fail(reply, error.statusCode, error.message.slice(0, 300), { hint: HINT });
    return fail(reply, 500, `internal error: ${error.message.slice(0, 300)}`);
  });
  return app;
}

/** Loopback: the only hosts served without a token. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
