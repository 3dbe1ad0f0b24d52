// Writes docs/reference.md from the schemas (npm run docs); test/scenario/reference.test.ts
// fails when the committed page differs from what this writes.
import { writeFileSync } from 'node:fs';
import { REFERENCE_FILE, referenceMarkdown } from '../dist/scenario/reference.js';

writeFileSync(REFERENCE_FILE, referenceMarkdown());
console.log(`wrote ${REFERENCE_FILE}`);
