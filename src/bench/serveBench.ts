/**
 * Serve benchmark: a bounded loopback load test (autocannon, a fixed number of requests over 10
 * connections) of position-sizing/calculate and goals/summary on the DAX replay held mid-run, in
 * this process. Floor: calculate at 2,000 requests/s or more with p99 under 25 ms.
 */
import { DAX_PIPELINE_SCENARIO } from './benchScenarios.js';
import autocannon from 'autocannon';
import { loadScenarioFile } from '../scenario/load.js';
import { ReplayService } from '../serve/replayService.js';
import { buildServer } from '../serve/server.js';
import { loadScenarioData } from '../sim/loadData.js';

const SCENARIO = DAX_PIPELINE_SCENARIO;
export const SERVE_REQUESTS = 20_000;

export interface ServeFigures {
  readonly calculateRequestsPerSec: number;
  readonly calculateP50Ms: number;
  readonly calculateP99Ms: number;
  readonly summaryRequestsPerSec: number;
  readonly summaryP50Ms: number;
  readonly summaryP99Ms: number;
  readonly serveErrors: number;
}

async function load(url: string, method: 'GET' | 'POST', body?: string): Promise<autocannon.Result> {
  return autocannon({ url, method, body, headers: body === undefined ? {} : { 'content-type': 'application/json' }, connections: 10, amount: SERVE_REQUESTS });
}

export async function serveBench(): Promise<ServeFigures> {
  const resolved = loadScenarioFile(SCENARIO);
  const service = await ReplayService.start(resolved, await loadScenarioData(resolved));
  service.advance({ to: Date.UTC(1995, 5, 30) });
  const app = await buildServer(service);
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    const body = JSON.stringify({ symbol: 'DAX', current_price: 2150.5, stop_loss_pct: 0.03, confidence: 0.8 });
    await load(`${base}/api/v1/position-sizing/calculate`, 'POST', body); // warm-up
    const calculate = await load(`${base}/api/v1/position-sizing/calculate`, 'POST', body);
    const summary = await load(`${base}/api/v1/goals/summary`, 'GET');
    return {
      calculateRequestsPerSec: Math.round(calculate.requests.average),
      calculateP50Ms: calculate.latency.p50,
      calculateP99Ms: calculate.latency.p99,
      summaryRequestsPerSec: Math.round(summary.requests.average),
      summaryP50Ms: summary.latency.p50,
      summaryP99Ms: summary.latency.p99,
      serveErrors: calculate.errors + calculate.non2xx + summary.errors + summary.non2xx,
    };
  } finally {
    await app.close();
  }
}
