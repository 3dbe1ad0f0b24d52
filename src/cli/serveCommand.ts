/**
 * `goalsim serve <scenario> [--host 127.0.0.1] [--port 8006] [--token T] [--cors ORIGIN]
 * [--out DIR]`: loads the scenario, holds its replay at the first bar and serves the seed-001 API
 * over it until SIGINT or SIGTERM, which close the server (exit 0). With --out, the run folder is
 * written when the replay reaches its end, as `goalsim run` writes it.
 */
import { defaultCacheDir } from '../data/cache.js';
import { UsageError } from '../errors.js';
import { writeRunFiles } from '../report/runFiles.js';
import { writeRunReport } from '../report/writeReports.js';
import { loadScenarioFile } from '../scenario/load.js';
import { ReplayService } from '../serve/replayService.js';
import { buildServer, isLoopback } from '../serve/server.js';
import { loadScenarioData } from '../sim/loadData.js';
import { EXIT_OK } from './exit.js';

export interface ServeOptions {
  readonly scenario: string;
  readonly host: string;
  readonly port: number;
  readonly token?: string | undefined;
  readonly cors?: string | undefined;
  readonly out?: string | undefined;
  readonly cache: boolean;
}

/** The address asked for, with the port bound: fastify names 127.0.0.1 first even for 0.0.0.0, which would hide that other machines can reach it. */
function listeningOn(host: string, app: { addresses(): (string | { port: number })[] }): string {
  const first = app.addresses()[0];
  const port = typeof first === 'object' ? first.port : 0;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

export async function serveCommand(options: ServeOptions): Promise<number> {
  const token = options.token ?? process.env['GOALSIM_TOKEN'];
  if (token !== undefined && token.length < 16) throw new UsageError('--token: use at least 16 characters (e.g. openssl rand -hex 16)');
  if (!isLoopback(options.host) && token === undefined) throw new UsageError(`--host ${options.host} is reachable from other machines: give --token T (or GOALSIM_TOKEN), or serve on 127.0.0.1`);
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) throw new UsageError(`--port ${options.port}: a port is a whole number from 0 to 65535`);
  const resolved = loadScenarioFile(options.scenario);
  const data = await loadScenarioData(resolved, options.cache ? defaultCacheDir() : undefined);
  let written: Promise<void> = Promise.resolve();
  const service = await ReplayService.start(resolved, data, (result) => {
    if (options.out === undefined) return;
    const out = options.out;
    writeRunFiles(result, out);
    written = writeRunReport(out).then(() => void process.stderr.write(`the replay has ended: run folder ${out}\n`));
  });
  const app = await buildServer(service, { token, cors: options.cors });
  try {
    await app.listen({ host: options.host, port: options.port });
  } catch (error) {
    await app.close();
    if ((error as { code?: string }).code === 'EADDRINUSE') throw new UsageError(`--port ${options.port} is in use on ${options.host}: another goalsim serve, or another program, listens there; choose another --port, or --port 0 for any free one`);
    throw error;
  }
  process.stderr.write(`goalsim serve: ${resolved.scenario.name} held at its first bar; listening on ${listeningOn(options.host, app)} (GET /api/v1/openapi.json)\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await app.close();
  await written;
  process.stderr.write('goalsim serve: closed\n');
  return EXIT_OK;
}
