/** The shipped scenario the bench's daily-bar cases run: the DAX pipeline with the seed-000 goals on a daily tracker. */
import { fileURLToPath } from 'node:url';

export const DAX_PIPELINE_SCENARIO = fileURLToPath(new URL('../../scenarios/compare/dax-pipeline.json', import.meta.url));
