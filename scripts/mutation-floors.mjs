#!/usr/bin/env node
/**
 * Per-file floors of the mutation score (npm run mutation, after StrykerJS): killed + timeout
 * over every mutant of the file but the equivalent ones listed in test/mutation/equivalent.json
 * (each with its reason) and the invalid ones (CompileError, RuntimeError: not a program). A
 * mutant without coverage counts as surviving. Exits 1 when a file is below its floor, or when an
 * equivalent entry no longer matches a surviving mutant (the list must stay reviewed).
 */
import { readFileSync } from 'node:fs';

const FLOOR = 80;
const report = JSON.parse(readFileSync('reports/mutation/mutation.json', 'utf8'));
const equivalent = JSON.parse(readFileSync('test/mutation/equivalent.json', 'utf8'));
const key = (file, m) => `${file}:${m.location.start.line}:${m.location.start.column}:${m.mutatorName}:${m.replacement ?? ''}`;
const listed = new Map(equivalent.mutants.map((e) => [`${e.file}:${e.line}:${e.column}:${e.mutator}:${e.replacement}`, e]));
const used = new Set();
const rows = [];
for (const [file, result] of Object.entries(report.files)) {
  let detected = 0;
  let counted = 0;
  const survivors = [];
  for (const m of result.mutants) {
    if (m.status === 'CompileError' || m.status === 'RuntimeError' || m.status === 'Ignored') continue;
    const k = key(file, m);
    if (listed.has(k) && (m.status === 'Survived' || m.status === 'NoCoverage')) {
      used.add(k);
      continue;
    }
    counted++;
    if (m.status === 'Killed' || m.status === 'Timeout') detected++;
    else survivors.push(`${m.location.start.line}:${m.location.start.column} ${m.mutatorName} ${JSON.stringify(m.replacement ?? '').slice(0, 60)} (${m.status})`);
  }
  const score = counted === 0 ? 100 : (detected / counted) * 100;
  rows.push({ file, score, detected, counted, survivors });
}
rows.sort((a, b) => a.score - b.score);
let failed = false;
for (const row of rows) {
  const below = row.score < FLOOR;
  failed ||= below;
  console.log(`${row.score.toFixed(1).padStart(6)} %  ${String(row.detected).padStart(4)}/${String(row.counted).padEnd(4)} ${row.file}${below ? `   BELOW ${FLOOR} %` : ''}`);
  if (below || process.argv.includes('--survivors')) for (const s of row.survivors) console.log(`          survived ${s}`);
}
const stale = [...listed.keys()].filter((k) => !used.has(k));
if (stale.length > 0) {
  failed = true;
  console.log(`\n${stale.length} entries of test/mutation/equivalent.json match no surviving mutant (code moved or a test kills it now): review them`);
  for (const k of stale) console.log(`  ${k}`);
}
console.log(failed ? `\nmutation floors: NOT MET (${FLOOR} % per file)` : `\nmutation floors: met (${FLOOR} % per file, ${rows.length} files)`);
process.exit(failed ? 1 : 0);
