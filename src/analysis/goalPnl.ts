/**
 * The P&L the goal added: for each trade opened by a goal-aware engine, (q - q0) / q of its net
 * P&L, q its quantity and q0 the quantity the same decision would have had without the goal (its
 * goal-off twin's size at that decision). A decision's goal effect is q / q0 - 1, so the share is
 * effect / (1 + effect). Summed, in the account's currency and as a share of the final equity.
 */
import type { Trade } from '../ledger/index.js';
import type { DecisionRecord } from '../sim/types.js';

export interface GoalPnl {
  /** Per trade, in trade order: the P&L the goal added (0 for an engine without goals), or null where no decision is found. */
  readonly perTrade: readonly (number | null)[];
  readonly total: number;
  readonly shareOfFinalEquity: number | null;
}

/** The decision that opened each trade: the last one on its symbol and side, not skipped, before its entry fill. */
function openingDecisions(trades: readonly Trade[], decisions: readonly DecisionRecord[]): (DecisionRecord | undefined)[] {
  const bySymbol = new Map<string, DecisionRecord[]>();
  for (const record of decisions) {
    if (record.decision.skipped !== null) continue;
    const list = bySymbol.get(record.symbol);
    if (list === undefined) bySymbol.set(record.symbol, [record]);
    else list.push(record);
  }
  // a symbol holds one position at a time, so its trades enter in time order, as its decisions
  // are made: one pointer per symbol walks each list once (a long run has 400,000 of each)
  const next = new Map<string, number>();
  const lastOnSide = new Map<string, DecisionRecord>();
  return trades.map((trade) => {
    const list = bySymbol.get(trade.symbol) ?? [];
    let i = next.get(trade.symbol) ?? 0;
    for (; i < list.length && (list[i] as DecisionRecord).time < trade.entryTime; i++) {
      const record = list[i] as DecisionRecord;
      lastOnSide.set(`${record.symbol}\u0000${record.direction}`, record);
    }
    next.set(trade.symbol, i);
    return lastOnSide.get(`${trade.symbol}\u0000${trade.direction}`);
  });
}

export function goalPnlOf(trades: readonly Trade[], decisions: readonly DecisionRecord[], finalEquity: number): GoalPnl {
  const opening = openingDecisions(trades, decisions);
  let total = 0;
  let any = false;
  const perTrade = trades.map((trade, i) => {
    const decision = opening[i]?.decision;
    if (decision === undefined) return null;
    const pnl = trade.pnl.toNumber();
    // a null effect: without the goal there was no trade (q0 = 0), so all of its P&L is the goal's
    const added = decision.goalEffect === null ? pnl : (pnl * decision.goalEffect) / (1 + decision.goalEffect);
    total += added;
    any = true;
    return added;
  });
  return { perTrade, total, shareOfFinalEquity: any && finalEquity > 0 ? total / finalEquity : null };
}
