import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { ReplayService } from '../../src/serve/replayService.js';
import { buildServer, type ServerOptions } from '../../src/serve/server.js';
import { loadScenarioData } from '../../src/sim/loadData.js';
import { runScenario } from '../../src/sim/run.js';
import type { RunResult } from '../../src/sim/types.js';
import { writeRunFiles } from '../../src/report/runFiles.js';
import { writeRunReport } from '../../src/report/writeReports.js';
import { goalsim, tempDir } from '../helpers.js';

const DAX = resolve('scenarios/compare/dax-pipeline.json');

interface Served {
  readonly app: FastifyInstance;
  readonly base: string;
  readonly service: ReplayService;
}

async function serve(options: ServerOptions = {}, onFinished?: (result: RunResult) => void): Promise<Served> {
  const resolved = loadScenarioFile(DAX);
  const service = await ReplayService.start(resolved, await loadScenarioData(resolved), onFinished);
  const app = await buildServer(service, options);
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, base, service };
}

type Json = Record<string, unknown> & { data?: Record<string, unknown> };
async function call(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: Json; headers: Headers; text: string }> {
  const response = await fetch(`${base}${path}`, { method, headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await response.text();
  let json: Json = {};
  try {
    json = JSON.parse(text) as Json;
  } catch {
    // HTML
  }
  return { status: response.status, json, headers: response.headers, text };
}

describe('goalsim serve over real HTTP', () => {
  let served: Served;
  // the tests run in random order: each reads the replay as beforeAll leaves it (1993-04-08) or uses its own
  beforeAll(async () => {
    served = await serve();
    await call(served.base, 'POST', '/api/v1/clock', { to: '1993-04-08' });
  });
  afterAll(async () => served.app.close());

  it('holds the replay at the first bar; the clock advances to a time or by bars, never backwards', async () => {
    const own = await serve();
    const { base } = own;
    const start = await call(base, 'GET', '/api/v1/clock');
    // the DAX file's 1,860 rows all lie in the scenario's period (1991-07-01 to 1998-08-14)
    expect(start.json.data).toEqual({ time: null, next_time: '1991-07-01T00:00:00Z', bars_done: 0, bars_left: 1860, finished: false });
    const to = await call(base, 'POST', '/api/v1/clock', { to: '1993-03-31' });
    expect(to.status).toBe(200);
    expect(to.json.data?.['time']).toBe('1993-03-31T00:00:00Z');
    const bars = await call(base, 'POST', '/api/v1/clock', { bars: 5 });
    expect((bars.json.data?.['bars_done'] as number) - (to.json.data?.['bars_done'] as number)).toBe(5);
    const back = await call(base, 'POST', '/api/v1/clock', { to: '1992-01-01' });
    expect(back.status).toBe(409);
    expect(back.json['error']).toMatch(/never goes backwards/);
    await own.app.close();
  });

  it("answers the seed's summary shape from the replay's state", async () => {
    const summary = await call(served.base, 'GET', '/api/v1/goals/summary');
    expect(summary.status).toBe(200);
    expect(summary.json['success']).toBe(true);
    const data = summary.json.data as { goals: Record<string, unknown>[]; total_active: number; on_track_count: number; behind_count: number };
    expect(data.goals.map((g) => g['id'])).toEqual(['monthly_return', 'monthly_income', 'portfolio_value']);
    for (const goal of data.goals) for (const key of ['goal_type', 'target_value', 'current_value', 'progress_pct', 'on_track', 'required_daily_return', 'win_rate', 'sharpe_ratio']) expect(goal, key).toHaveProperty(key);
    expect(data.total_active).toBe(3);
    expect(data.on_track_count + data.behind_count).toBe(3);
    // the portfolio goal's current value is the replay's equity now
    expect(data.goals[2]?.['current_value']).toBeCloseTo(served.service.live.replay.view.equity, 6);
  });

  it('progress honours from, to and limit; adjustments and milestones have the seed fields in simulated time', async () => {
    const all = await call(served.base, 'GET', '/api/v1/goals/monthly_return/progress');
    const rows = all.json['progress'] as Record<string, unknown>[];
    expect(rows.length).toBe(served.service.live.tracker?.progressRows.filter((r) => r.goal === 'monthly_return').length);
    const window = await call(served.base, 'GET', '/api/v1/goals/monthly_return/progress?from=1992-01-01&to=1992-01-31&limit=3');
    const kept = window.json['progress'] as { recorded_at: string }[];
    expect(kept.map((r) => r.recorded_at)).toEqual(['1992-01-29T00:00:00Z', '1992-01-30T00:00:00Z', '1992-01-31T00:00:00Z']);
    const adjustments = (await call(served.base, 'GET', '/api/v1/goals/monthly_return/adjustments')).json['adjustments'] as Record<string, unknown>[];
    expect(adjustments.length).toBeGreaterThan(0);
    expect(Object.keys(adjustments[0] ?? {})).toEqual(['adjustment_type', 'reason', 'previous_value', 'new_value', 'applied_at', 'status', 'goal_id']);
    expect(adjustments.every((a) => (a['applied_at'] as string) <= '1993-04-08T00:00:00Z'), 'none after the simulated time').toBe(true);
    const milestones = await call(served.base, 'GET', '/api/v1/goals/milestones/monthly_income');
    expect(milestones.status).toBe(200);
    expect(Array.isArray(milestones.json['milestones'])).toBe(true);
    const bad = await call(served.base, 'GET', '/api/v1/goals/monthly_return/progress?limit=0');
    expect(bad.status).toBe(400);
    expect(bad.json['path']).toBe('query.limit');
    expect((await call(served.base, 'GET', '/api/v1/goals/monthly_return/progress?from=yesterday')).json['error']).toMatch(/query\.from: "yesterday" is not an ISO-8601/);
  });

  it('update-progress runs one tracker cycle at the simulated time and returns its row', async () => {
    const before = served.service.live.tracker?.progressRows.length ?? 0;
    const update = await call(served.base, 'POST', '/api/v1/goals/monthly_income/update-progress');
    expect(update.status, JSON.stringify(update.json)).toBe(200);
    expect(served.service.live.tracker?.progressRows.length, 'one row per goal').toBe(before + 3);
    expect(update.json.data?.['recorded_at']).toBe((await call(served.base, 'GET', '/api/v1/clock')).json.data?.['time']);
  });

  it('rejects what it should with the right codes', async () => {
    const { base } = served;
    expect((await call(base, 'GET', '/api/v1/goals/weekly_return/progress')).status).toBe(404);
    expect((await call(base, 'GET', '/api/v1/nothing')).status).toBe(404);
    const wrongMethod = await call(base, 'DELETE', '/api/v1/clock');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET, POST');
    expect((await call(base, 'PUT', '/api/v1/goals/summary')).status).toBe(405);
    expect((await call(base, 'POST', '/api/v1/clock', '{"to": ')).status).toBe(400);
    const both = await call(base, 'POST', '/api/v1/clock', { to: '1995-01-01', bars: 3 });
    expect(both.status).toBe(400);
    expect(both.json['error']).toBe('body: give exactly one of "to" or "bars"');
    const unknownKey = await call(base, 'POST', '/api/v1/position-sizing/calculate', { symbol: 'DAX', current_price: 2000, confidence: 0.5, leverage: 10 });
    expect(unknownKey.status).toBe(400);
    expect(unknownKey.json['error']).toMatch(/leverage/);
    const big = await call(base, 'POST', '/api/v1/position-sizing/calculate', { symbol: 'x'.repeat(1_100_000), current_price: 1 });
    expect(big.status).toBe(413);
    expect((await call(base, 'POST', '/api/v1/position-sizing/calculate', { symbol: 'BTC', current_price: 1 })).json['hint']).toBe('its symbols: DAX');
    expect((await call(base, 'POST', '/api/v1/position-sizing/calculate', { symbol: 'DAX', current_price: 1, engine: 'martingale' })).status).toBe(400);
  });

  it('describes every route in openapi.json and serves the report of the replay so far', async () => {
    const doc = (await call(served.base, 'GET', '/api/v1/openapi.json')).json as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    expect(routes.sort()).toEqual(
      [
        'GET /api/v1/clock',
        'POST /api/v1/clock',
        'GET /api/v1/goals/summary',
        'GET /api/v1/goals/{goal_id}/progress',
        'GET /api/v1/goals/{goal_id}/adjustments',
        'POST /api/v1/goals/{goal_id}/update-progress',
        'GET /api/v1/goals/milestones/{goal_id}',
        'POST /api/v1/position-sizing/calculate',
        'GET /api/v1/openapi.json',
        'GET /',
      ].sort(),
    );
    const report = await call(served.base, 'GET', '/');
    expect(report.headers.get('content-type')).toMatch(/text\/html/);
    expect(report.text).toContain('<title>goalsim run: dax-pipeline</title>');
    expect(report.headers.get('access-control-allow-origin'), 'no CORS unless asked').toBeNull();
  });
});

describe('position sizing through the API', () => {
  it("gives, at a decision's instant, the size the backtest decided", async () => {
    const resolved = loadScenarioFile(DAX);
    const run = await runScenario(resolved, await loadScenarioData(resolved));
    const decisions = run.decisions.filter((d) => d.decision.skipped === null).slice(0, 6);
    const { app, base } = await serve();
    try {
      for (const d of decisions) {
        await call(base, 'POST', '/api/v1/clock', { to: new Date(d.time).toISOString() });
        const sized = await call(base, 'POST', '/api/v1/position-sizing/calculate', { symbol: d.symbol, current_price: d.price, stop_loss_pct: d.stopLossPct, confidence: d.confidence });
        expect(sized.status).toBe(200);
        expect(sized.json.data?.['recommended_size'], new Date(d.time).toISOString()).toBe(d.decision.units.toNumber());
        expect(sized.json.data?.['reasoning']).toBe(d.decision.reasoning);
        expect((sized.json.data?.['sizing'] as Record<string, unknown> | undefined)?.['stages']).toEqual(Object.fromEntries(d.decision.stages.map((s) => [s.name, s.value])));
      }
      const other = await call(base, 'POST', '/api/v1/position-sizing/calculate', { symbol: 'DAX', current_price: 2500, stop_loss_pct: 0.03, confidence: 0.8, engine: 'fixed-risk' });
      // another engine than the scenario's, with its defaults: fixed-risk states the amount it risks
      expect((other.json.data?.['sizing'] as Record<string, unknown> | undefined)?.['engine']).toBe('fixed-risk');
      expect(other.json.data?.['risk_amount']).toBeGreaterThan(0);
    } finally {
      await app.close();
    }
  }, 60_000);
});

describe('a replay advanced step by step through the API', () => {
  it('ends with the same files as goalsim run', async () => {
    const out = tempDir();
    let written: Promise<void> | undefined;
    const { app, base } = await serve({}, (result) => {
      writeRunFiles(result, out);
      written = writeRunReport(out);
    });
    try {
      let clock = (await call(base, 'GET', '/api/v1/clock')).json.data as { bars_left: number; finished: boolean };
      let steps = 0;
      while (!clock.finished) {
        clock = (await call(base, 'POST', '/api/v1/clock', steps % 2 === 0 ? { bars: 97 } : { to: new Date(Date.parse((clock as unknown as { next_time: string }).next_time) + 40 * 86_400_000).toISOString() })).json.data as typeof clock;
        steps++;
      }
      expect(steps).toBeGreaterThan(10);
      expect((await call(base, 'POST', '/api/v1/clock', { bars: 1 })).status, 'an ended replay does not advance').toBe(409);
    } finally {
      await app.close();
    }
    await written;
    const plain = tempDir();
    expect(goalsim(['run', DAX, '--out', plain]).code).toBe(0);
    const files = (dir: string): Record<string, string> => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
    expect(files(out)).toEqual(files(plain));
  }, 60_000);
});

describe('access', () => {
  it('with a token, every route needs it as a bearer token (401 otherwise)', async () => {
    const { app, base } = await serve({ token: 'a-long-enough-token-1234' });
    try {
      expect((await call(base, 'GET', '/api/v1/clock')).status).toBe(401);
      expect((await call(base, 'GET', '/')).status).toBe(401);
      expect((await call(base, 'GET', '/api/v1/clock', undefined, { authorization: 'Bearer wrong-token-of-some-length' })).status).toBe(401);
      const ok = await call(base, 'GET', '/api/v1/clock', undefined, { authorization: 'Bearer a-long-enough-token-1234' });
      expect(ok.status).toBe(200);
      // the scheme is case-insensitive (RFC 7235)
      for (const scheme of ['bearer', 'BEARER']) expect((await call(base, 'GET', '/api/v1/clock', undefined, { authorization: `${scheme} a-long-enough-token-1234` })).status, scheme).toBe(200);
      // the document needs the token, and says that every route does
      expect((await call(base, 'GET', '/api/v1/openapi.json')).status).toBe(401);
      const doc = (await call(base, 'GET', '/api/v1/openapi.json', undefined, { authorization: 'Bearer a-long-enough-token-1234' })).json as { paths: Record<string, Record<string, { security?: unknown }>> };
      const operations = Object.values(doc.paths).flatMap((methods) => Object.values(methods));
      expect(operations.every((operation) => JSON.stringify(operation.security) === '[{"bearer":[]}]')).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('answers a __proto__ body key and a 300-character goal id as any other input, and renders the report once per state', async () => {
    const { app, base, service } = await serve();
    try {
      // the key is dropped before validation: the body then validates (or not) on its own
      const proto = await call(base, 'POST', '/api/v1/clock', '{"bars": 1, "__proto__": {"polluted": true}}');
      expect(proto.status).toBe(200);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      const again = await call(base, 'GET', '/api/v1/clock');
      expect(again.status, 'the connection still serves').toBe(200);
      const long = await call(base, 'GET', `/api/v1/goals/${'x'.repeat(300)}/progress`);
      expect(long.status).toBe(404);
      expect(long.json['success']).toBe(false);
      // one rendering per state of the replay: the same promise until the clock moves
      const first = service.reportHtml();
      expect(service.reportHtml()).toBe(first);
      await call(base, 'POST', '/api/v1/clock', { bars: 5 });
      const moved = service.reportHtml();
      expect(moved).not.toBe(first);
      expect(await moved).not.toBe(await first);
    } finally {
      await app.close();
    }
  });

  it('--cors allows exactly the origin named', async () => {
    const { app, base } = await serve({ cors: 'http://dashboard.local:3000' });
    try {
      const response = await fetch(`${base}/api/v1/clock`, { headers: { origin: 'http://dashboard.local:3000' } });
      expect(response.headers.get('access-control-allow-origin')).toBe('http://dashboard.local:3000');
    } finally {
      await app.close();
    }
  });

  it('the CLI refuses a non-loopback host without a token (exit 2), and closes cleanly on SIGTERM (exit 0)', async () => {
    const refused = goalsim(['serve', DAX, '--host', '0.0.0.0']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--host 0\.0\.0\.0 is reachable from other machines: give --token/);
    const child = spawn(process.execPath, [resolve('dist/cli/main.js'), 'serve', DAX, '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    await new Promise<void>((done) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes('listening on')) done();
      });
    });
    const url = /listening on (\S+)/.exec(stderr)?.[1] ?? '';
    expect((await fetch(`${url}/api/v1/clock`)).status).toBe(200);
    const code = await new Promise<number | null>((done) => {
      child.on('exit', (c) => done(c));
      child.kill('SIGTERM');
    });
    expect(code).toBe(0);
    expect(stderr).toContain('goalsim serve: closed');
  }, 30_000);

  it('says it listens on every interface when it does (0.0.0.0), not on 127.0.0.1', async () => {
    const child = spawn(process.execPath, [resolve('dist/cli/main.js'), 'serve', DAX, '--host', '0.0.0.0', '--token', 'a-long-enough-token-1234', '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    await new Promise<void>((done) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes('listening on')) done();
      });
    });
    const port = /listening on http:\/\/0\.0\.0\.0:(\d+) /.exec(stderr)?.[1];
    expect(port, stderr).toBeDefined();
    expect((await fetch(`http://127.0.0.1:${port}/api/v1/clock`, { headers: { authorization: 'Bearer a-long-enough-token-1234' } })).status).toBe(200);
    await new Promise<void>((done) => {
      child.on('exit', () => done());
      child.kill('SIGTERM');
    });
  }, 30_000);
});
