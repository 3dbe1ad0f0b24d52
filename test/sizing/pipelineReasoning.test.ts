/**
 * The pipeline's reasoning text states its stages: each figure it prints is the decision's own
 * (the stage values other tests pin), in the order of the stages, with the goal factor's three
 * cases (enabled, disabled, fallback).
 */
import { describe, expect, it } from 'vitest';
import { sizeOne } from '../../src/sizing/calculator.js';

const REQUEST = {
  engine: 'pipeline',
  equity: '200000',
  price: '100',
  stopLossPct: 0.03,
  confidence: 0.8,
  lotStep: '1',
  minNotional: '0',
  goals: { monthly_return: { progress: 0.1, expected: 0.5 }, monthly_income: { progress: 0.9, expected: 0.5 }, portfolio_value: { progress: 0.2, expected: 0.2 } },
  stats: { winRate: 0.55, avgWin: 0.02, avgLoss: 0.015, sharpe: 1.2, trades: 40 },
  volatility: { short: 0.012, long: 0.01 },
};

const stage = (d: ReturnType<typeof sizeOne>, name: string): number => d.stages.find((s) => s.name === name)?.value ?? NaN;
const money = (v: number): string => v.toFixed(2);
const re = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('pipeline reasoning', () => {
  it('reports base, signal, market, goal factor and final as the decision has them', () => {
    const d = sizeOne(REQUEST);
    expect(d.goalFactor).not.toBeNull();
    const signal = stage(d, 'signal') / stage(d, 'base');
    const market = stage(d, 'market') / stage(d, 'signal');
    expect(d.reasoning).toMatch(new RegExp(`^Base seed ${re(money(stage(d, 'base')))} \\(volatility \\d+\\.\\d{2}, Kelly \\d+\\.\\d{2} from (trades|priors), risk parity \\d+\\.\\d{2}\\)\\. `));
    expect(d.reasoning).toContain(` Signal confidence 80.00% x${signal.toFixed(2)}, market `);
    expect(d.reasoning).toMatch(new RegExp(` market \\w+ x${re(market.toFixed(3))}\\. `));
    expect(d.reasoning).toMatch(new RegExp(` Goal factor x${re((d.goalFactor as number).toFixed(3))} \\(return \\d\\.\\d{3}, income \\d\\.\\d{3}, portfolio \\d\\.\\d{3}\\)\\. `));
    expect(d.reasoning.endsWith(` Final ${money(d.finalValue)} (${((d.finalValue / 200_000) * 100).toFixed(1)}% of equity): ${d.units.toFixed()} units.`)).toBe(true);
  });

  it('says when the goal factor is off, and when it fell back to 1', () => {
    expect(sizeOne({ ...REQUEST, params: { goalFactor: { enabled: false } } }).reasoning).toContain(' Goal factor disabled. ');
    // no goals at all: the factor falls back to 1 and says why
    const fallback = sizeOne({ ...REQUEST, goals: undefined });
    expect(fallback.goalFactor).toBe(1);
    expect(fallback.reasoning).toMatch(/ Goal factor 1\.000 \(fallback: [^)]+\)\. /);
  });
});
