/**
 * The bodies and queries `goalsim serve` accepts, as zod schemas: the server validates with
 * them and the OpenAPI document is derived from them, so the two cannot disagree.
 */
import { z } from 'zod';
import { parseTimestamp } from '../data/timestamp.js';

const instant = z
  .string()
  .max(40)
  .transform((text, ctx) => {
    const time = parseTimestamp(text);
    if (!Number.isFinite(time)) {
      ctx.addIssue({ code: 'custom', message: `"${text}" is not an ISO-8601 date or time (e.g. 1995-03-31 or 1995-03-31T16:00:00Z)` });
      return z.NEVER;
    }
    return time;
  });

export const clockBody = z
  .strictObject({
    to: instant.optional().describe('advance through every instant up to and including this time'),
    bars: z.number().int().min(1).max(1e9).optional().describe('advance by this many bars (over all symbols, whole instants)'),
  })
  .refine((body) => (body.to === undefined) !== (body.bars === undefined), { message: 'give exactly one of "to" or "bars"' });

export const progressQuery = z.strictObject({
  from: instant.optional().describe('rows recorded at or after this time'),
  to: instant.optional().describe('rows recorded at or before this time'),
  limit: z.coerce.number().int().min(1).max(1_000_000).optional().describe('the latest N rows'),
});

export const calculateBody = z.strictObject({
  symbol: z.string().min(1).max(200),
  current_price: z.number().gt(0),
  stop_loss_pct: z.number().gt(0).lt(1).optional(),
  confidence: z.number().min(0).max(1).default(1),
  direction: z.enum(['long', 'short']).default('long'),
  strategy_id: z.string().max(200).optional(),
  engine: z.string().max(100).optional().describe("a sizing engine; the scenario's own by default (others run with their defaults)"),
});

export const emptyBody = z.union([z.strictObject({}), z.undefined(), z.null()]);
