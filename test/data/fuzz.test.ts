/**
 * Seeded fuzzing of the edges (#13): mutated CSVs through the bars loader and mutated scenarios
 * through validation. Whatever the input, the only exceptions are the input-error types, every
 * row error names its file and line and shows at most 200 characters of the value, and nothing
 * reaches Object.prototype.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { loadBarsCsv } from '../../src/data/loadBars.js';
import { DataError, ScenarioError } from '../../src/errors.js';
import { validateScenario } from '../../src/scenario/load.js';
import { barsSource, tempDir } from '../helpers.js';

const random = seedrandom('goalsim-fuzz-1');
const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const PIECES = [',', '"', '\n', '\r\n', 'x', '-', '0x10', '', ' ', '1e999', 'NaN', '\u0000', '\u001b[31m', '9'.repeat(300), '2020-13-45', '+05:75', '""', ',,,,', '-1', '0'];

function mutateText(text: string): string {
  let out = text;
  for (let k = 1 + Math.floor(random() * 3); k > 0; k--) {
    const at = Math.floor(random() * out.length);
    const kind = random();
    if (kind < 0.4) out = out.slice(0, at) + pick(PIECES) + out.slice(at + 1);
    else if (kind < 0.6) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(random() * 20));
    else if (kind < 0.8) {
      const lines = out.split('\n');
      const i = Math.floor(random() * lines.length);
      lines.splice(i, 0, lines[Math.floor(random() * lines.length)] ?? '');
      out = lines.join('\n');
    } else out = out.slice(0, at);
  }
  return out;
}

const prototypeNames = (): string[] => Object.getOwnPropertyNames(Object.prototype).sort();

describe('fuzzed inputs', () => {
  it('400 mutated CSVs: input errors only, with file, line and a short value', async () => {
    const original = readFileSync('data/msft-daily-2000-2001.csv', 'utf8').split('\n').slice(0, 40).join('\n');
    const dir = tempDir();
    let errors = 0;
    for (let i = 0; i < 400; i++) {
      const path = join(dir, `case-${i}.csv`);
      writeFileSync(path, mutateText(original));
      try {
        await loadBarsCsv(barsSource(path, { displayPath: 'case.csv', onBadRow: i % 2 === 0 ? 'error' : 'skip' }));
      } catch (error) {
        errors++;
        expect(error, `case ${i}: ${String(error)}`).toBeInstanceOf(DataError);
        const data = error as DataError;
        expect(data.message.startsWith('case.csv'), `case ${i} names the file: ${data.message.slice(0, 80)}`).toBe(true);
        if (data.line !== undefined) expect(data.message, `case ${i} names the line`).toContain(`case.csv:${data.line}:`);
        expect((data.value ?? '').length, `case ${i}: at most 200 characters of the value (plus its length)`).toBeLessThanOrEqual(230);
        expect(data.message.length, `case ${i}: one short line`).toBeLessThan(700);
      }
    }
    expect(errors, 'the mutations must break files for this to mean anything').toBeGreaterThan(100);
  });

  it('300 mutated scenarios: ScenarioError only, and Object.prototype untouched', () => {
    const before = prototypeNames();
    const demo = JSON.parse(readFileSync('scenarios/demo.json', 'utf8')) as Record<string, unknown>;
    const values: unknown[] = [null, -1, 0, 1e308, 'x', '', '..', '__proto__', [], {}, { __proto__: { polluted: true } }, true, '100000', '0x10'];
    const keys = ['__proto__', 'constructor', 'prototype', 'intialCapital', 'name', 'data', 'costs', 'feeBps', 'sizing', 'engine', 'params', 'period', 'start', 'goals', 'tracker'];
    let failures = 0;
    for (let i = 0; i < 300; i++) {
      const scenario = structuredClone(demo);
      const targets: Record<string, unknown>[] = [];
      const collect = (node: unknown): void => {
        if (node === null || typeof node !== 'object') return;
        targets.push(node as Record<string, unknown>);
        for (const value of Object.values(node)) collect(value);
      };
      collect(scenario);
      for (let k = 1 + Math.floor(random() * 3); k > 0; k--) {
        const target = pick(targets);
        const key = random() < 0.5 ? pick(Object.keys(target).concat(keys)) : pick(keys);
        if (random() < 0.3) delete target[key];
        else Object.defineProperty(target, key, { value: structuredClone(pick(values)), enumerable: true, writable: true, configurable: true });
      }
      try {
        validateScenario(JSON.parse(JSON.stringify(scenario)), 'case.json');
      } catch (error) {
        failures++;
        expect(error, `case ${i}: ${String(error)}`).toBeInstanceOf(ScenarioError);
        expect((error as ScenarioError).message.startsWith('case.json: ')).toBe(true);
      }
    }
    expect(failures, 'the mutations must break scenarios for this to mean anything').toBeGreaterThan(100);
    expect(prototypeNames()).toEqual(before);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
