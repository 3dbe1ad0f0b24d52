/**
 * goalsim as a dependency (#16 items 7 and 11): the packed tarball installs into an empty project
 * from the npm registry alone, with no overrides there and without danfojs or TensorFlow, and
 * the README's library example runs through the package name.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';

/** The README's example, as written there. */
function readmeExample(): string {
  const readme = readFileSync('README.md', 'utf8');
  const block = /```js\n(\/\/ example\.mjs[\s\S]*?)```/.exec(readme)?.[1];
  if (block === undefined) throw new Error('the README has no example.mjs block');
  return block;
}

describe('the packed package', () => {
  it('installs into an empty project from the registry alone and runs the README example', () => {
    const project = tempDir();
    const npm = (args: string[], cwd: string): string => execFileSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });
    const packed = npm(['pack', '--ignore-scripts', '--pack-destination', project, process.cwd()], project).trim().split('\n').pop() ?? '';
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', type: 'module', private: true }));
    npm(['install', `./${packed}`], project);
    const installed = readdirSync(join(project, 'node_modules'));
    expect(installed, 'danfojs-node is an optional peer').not.toContain('danfojs-node');
    expect(existsSync(join(project, 'node_modules', '@tensorflow')), 'no TensorFlow download').toBe(false);
    expect(JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')).overrides, 'the consumer needs no overrides').toBeUndefined();
    writeFileSync(join(project, 'example.mjs'), readmeExample());
    const output = execFileSync(process.execPath, ['example.mjs'], { cwd: project, encoding: 'utf8' });
    expect(output).toMatch(/^final equity \d+\.\d{2}, \d+ trades\nreport: reports\/lib-demo\nsize 6600 \(no cap bound\)\n$/);
    expect(existsSync(join(project, 'reports', 'lib-demo', 'report.html'))).toBe(true);
  }, 180_000);
});
