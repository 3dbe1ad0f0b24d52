/** `--shard i/n`: a deterministic slice of a sweep's variants, i in 1..n. */
import { UsageError } from '../errors.js';

export interface Shard {
  readonly index: number;
  readonly count: number;
}

export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const [index, count] = [Number(match?.[1]), Number(match?.[2])];
  if (match === null || count < 1 || index < 1 || index > count) throw new UsageError(`--shard "${text}" is not i/n with 1 <= i <= n (e.g. 2/4)`);
  return { index, count };
}

/** Variants are dealt round-robin, so every shard gets a similar mix of the grid. */
export function inShard(variantId: number, shard: Shard | undefined): boolean {
  return shard === undefined || variantId % shard.count === shard.index - 1;
}
