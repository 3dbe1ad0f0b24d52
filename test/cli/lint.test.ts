import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';

describe('the lint configuration', () => {
  it('reports an import cycle made of type-only imports (the kind that hid metrics -> sim/types -> metrics)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.ts'), "import type { B } from './b.js';\nexport interface A { readonly b?: B }\n");
    writeFileSync(join(dir, 'b.ts'), "import type { A } from './a.js';\nexport interface B { readonly a?: A }\n");
    const lint = spawnSync(process.execPath, [resolve('node_modules/oxlint/bin/oxlint'), '-c', resolve('.oxlintrc.json'), dir], { encoding: 'utf8' });
    expect(lint.status).not.toBe(0);
    expect(lint.stdout).toContain('import(no-cycle): Dependency cycle detected');
  });
});
