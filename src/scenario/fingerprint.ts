/**
 * What a job's results depend on beyond its options: the scenario's content and the content of
 * every data file it names (prices, signals and rate files). A sweep or odds folder records it
 * in its definition, and a resume or a merge refuses a folder whose inputs differ, naming what
 * differs, so that results of a 5 bps base never sit beside those of a 500 bps one.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { contentHash } from '../data/contentHash.js';

export interface InputsFingerprint {
  /** SHA-256 of the scenario as JSON (its description left out: it changes no result). */
  readonly scenario: string;
  /** SHA-256 of each data file's content, by its path as the scenario writes it ("missing" when absent). */
  readonly data: Readonly<Record<string, string>>;
}

const sha256 = (bytes: string | Buffer): string => createHash('sha256').update(bytes).digest('hex');

function fileHash(path: string, cacheDir: string | undefined): string {
  if (!existsSync(path)) return 'missing';
  return cacheDir === undefined ? sha256(readFileSync(path)) : contentHash(path, cacheDir);
}

/**
 * The fingerprint of a scenario object (raw or validated) read from `file`; its data paths are
 * relative to that file. `cacheDir` lets an unchanged data file skip hashing (data/contentHash).
 */
export function inputsFingerprint(scenario: unknown, file: string, cacheDir?: string): InputsFingerprint {
  const { description: _description, ...content } = (scenario ?? {}) as Record<string, unknown>;
  const data = Array.isArray(content['data']) ? (content['data'] as unknown[]) : [];
  // the rate files (account.cashRate, metrics.riskFreeRate) are data as much as the prices are
  const rateFiles = [(content['account'] as { cashRate?: unknown } | undefined)?.cashRate, (content['metrics'] as { riskFreeRate?: unknown } | undefined)?.riskFreeRate];
  const paths = [...data, ...rateFiles].map((source) => (source as { path?: unknown } | null | undefined)?.path).filter((path): path is string => typeof path === 'string');
  const baseDir = dirname(resolve(file));
  // own properties from entries: a path such as "__proto__" stays a key
  return { scenario: sha256(JSON.stringify(content)), data: Object.fromEntries(paths.map((path) => [path, fileHash(resolve(baseDir, path), cacheDir)])) };
}

/** What differs between the inputs a folder was made from and this run's, or null when nothing does. */
export function fingerprintDifference(folder: InputsFingerprint | undefined, now: InputsFingerprint): string | null {
  if (folder === undefined) return 'the folder does not record its inputs (written before goalsim checked them)';
  const changed = [...new Set([...Object.keys(folder.data), ...Object.keys(now.data)])].filter((path) => Object.hasOwn(folder.data, path) !== Object.hasOwn(now.data, path) || folder.data[path] !== now.data[path]);
  if (changed.length > 0) return `the content of data file${changed.length > 1 ? 's' : ''} ${changed.map((path) => `"${path}"`).join(', ')} differs`;
  if (folder.scenario !== now.scenario) return "the scenario's content differs";
  return null;
}
