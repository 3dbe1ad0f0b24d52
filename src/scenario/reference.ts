/**
 * The scenario reference (docs/reference.md), generated from the schemas and the catalogues:
 * every option of every section, engine and strategy with its type, default and allowed range,
 * so that the page cannot drift from what goalsim accepts (test/scenario/reference.test.ts
 * compares the committed page with this output). The descriptions are the one thing written
 * here by hand; everything else is read from the schemas. Error hints link the section of the
 * thing that failed (`referenceHint`).
 */
import { z } from 'zod';
import { GOAL_TYPES } from '../goals/types.js';
import { ENGINE_CATALOGUE } from '../sizing/registry.js';
import { dataSourceSchema, goalsSchema, scenarioSchema, strategySchema, trackerSchema } from './schema.js';

/** Where the page lives in the repository and the package. */
export const REFERENCE_FILE = 'docs/reference.md';

interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly additionalProperties?: JsonSchema | boolean;
  readonly items?: JsonSchema;
  readonly prefixItems?: readonly JsonSchema[];
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly default?: unknown;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly minLength?: number;
  readonly pattern?: string;
  readonly required?: readonly string[];
}

const jsonSchemaOf = (schema: z.ZodType): JsonSchema => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

/**
 * What each option means, by section and path ("sizing.kellyFraction" for every engine that
 * has it). An option not listed here gets no sentence; the test requires one for every option.
 */
const MEANING: Readonly<Record<string, string>> = {
  'scenario.name': 'Names the run and its report folder.',
  'scenario.description': 'Free text, kept in summary.json.',
  'scenario.seed': 'Seed of every random draw in the run (seedrandom).',
  'data.symbol': 'The instrument\'s name in orders, trades and reports; required for price sources.',
  'data.path': 'The CSV file, relative to the scenario file (or absolute).',
  'data.format': '`generic`; `yahoo` (Date,Open,High,Low,Close,Adj Close,Volume); `binance` (kline CSV without header, stamped with the close time); `parquet` (a Parquet file of bars or closes, generic names).',
  'data.kind': '`bars` (OHLCV), `close` (timestamp,close), `trades` (aggregated into `barInterval` bars), `signals` (for the `signals` strategy).',
  'data.columns': 'The file\'s own header name of each field goalsim reads, e.g. `{"close": "Adj Close"}`; the format\'s names by default.',
  ...Object.fromEntries(['timestamp', 'open', 'high', 'low', 'close', 'volume', 'price', 'size', 'side'].map((role) => [`data.columns.${role}`, `The header of the ${role} column.`])),
  'data.barInterval': 'Bar length such as `1m`, `1h`, `1d`: required for trades and for `resample`.',
  'data.resample': 'Turn intraday close-only rows into OHLC bars of `barInterval`.',
  'data.assetClass': 'The class that `assetClassLimits` caps.',
  'data.lotStep': 'Quantities round down to a multiple of it.',
  'data.minNotional': 'An order worth less is skipped and logged.',
  'data.onBadRow': '`error` stops at the first bad row; `skip` counts bad rows and lists the first 20 in summary.json.',
  'data.staleBars': '`keep` or `drop` the bars that repeat the previous close with no range and no volume: holidays a file filled in. Counted in summary.json either way.',
  'data.weekdays': 'The market\'s trading week, e.g. `["Sun", "Mon", "Tue", "Wed", "Thu"]` for the Gulf exchanges: bars on those days are trading days, so `metrics.periodsPerYear: "auto"` does not take them for a 24/7 market. Monday to Friday by default.',
  'period.start': 'First instant simulated (ISO 8601 date or time).',
  'period.end': 'Last instant simulated; a bare date includes that whole day.',
  'period.warmup': 'Strategies also see the bars before `start`, so a 20-bar channel can trade on the first day; nothing before it is traded.',
  'account.currency': 'The account\'s currency: money, goals and reports are in it.',
  'account.initialCapital': 'Starting cash, a decimal amount.',
  'account.riskTolerance': 'Risk per trade as a share of equity: the tracker\'s base risk, and fixed-risk\'s size.',
  'account.maxDrawdownPct': 'Drawdown at which the tracker halves risk (released below 0.8 times it).',
  'account.cashRate': 'Annual interest on the cash balance while it is above 0 (0.03 for 3 %), accrued at each 00:00 UTC: cash x ((1 + rate)^(days / 365) - 1), rounded half-even to the minor unit. 0 by default. `{ "path": "rates.csv" }` reads a rate that changes over time from a `timestamp,rate` CSV (relative to the scenario file): each day earns the rate in force at its start (the last row at or before it; none before the first row), days of one rate accruing together.',
  'account.minorUnit': 'The currency\'s smallest unit: fees are rounded to it, half up.',
  'costs.feeBps': 'Fee per fill, in basis points of the notional.',
  'costs.slippageBps': 'Fills are this many basis points worse than the next bar\'s open.',
  'execution.closeAtEnd': 'Close every position at the last bar, so the run ends in cash.',
  'execution.allowShort': 'Let strategies open short positions.',
  'execution.maxGrossExposure': 'Gross exposure cap as a multiple of equity.',
  'goals.preset': '`seed-000` (EUR: 10 % a month, EUR 4,000 income a month, EUR 1,000,000) or `seed-001` (the same in USD, USD 10,000 income).',
  'goals.list': 'Goals added to the preset\'s, replacing a preset goal of the same type.',
  'goals.list[].type': `One of ${GOAL_TYPES.map((t) => `\`${t}\``).join(', ')}.`,
  'goals.list[].target': 'A share for monthly_return (0.10 is 10 % a month), an amount for the others.',
  'goals.list[].priority': 'Lower is more important: the driver goal is the most important one not achieved.',
  'goals.allowUnusualTargets': 'Let a monthly return target above 1 (100 % a month) or a portfolio target at or below the initial capital run; without it they are refused as likely slips.',
  'goals.interestIsIncome': 'Count the interest cash earns (account.cashRate) toward the monthly income goal, as income it is.',
  'goals.list[].targetDate': 'portfolio_value only: the date the target is due, which gives it a geometric schedule.',
  'tracker.intervalMinutes': 'Simulated minutes between tracker cycles (1440 on daily bars).',
  'tracker.cooldownHours': 'Least simulated time between two risk adjustments.',
  'tracker.maxStepIncrease': 'Largest rise of the risk in one adjustment, as a share of it.',
  'tracker.maxRisk': 'The risk per trade is never set above it.',
  'tracker.drawdownRiskMultiplier': 'Risk multiplier while drawdown protection is on.',
  'tracker.milestones': 'Progress levels that alert, once per goal and period; `{"at": 0.5, "riskMultiplier": 0.8}` also scales risk for the rest of the period.',
  'tracker.driverGoal': 'The goal whose progress sets the risk; by default the most important one not achieved.',
  'metrics.riskFreeRate': 'Annual risk-free rate (0.03 for 3 %): Sharpe and Sortino are of the daily returns in excess of (1 + rate)^(1 / periodsPerYear) - 1. `{ "path": "rates.csv" }` reads it from a `timestamp,rate` CSV: each daily return is less the rate in force at the close it starts from (0 before the first row), and Sharpe is the mean excess over the deviation of the excess returns.',
  'metrics.periodsPerYear': 'Annualisation of Sharpe, Sortino and volatility; `auto` reads it from the bars.',
  'strategy.fast': 'Bars of the fast moving average.',
  'strategy.slow': 'Bars of the slow moving average.',
  'strategy.entry': 'Bars of the channel whose high (low) a close must break to enter.',
  'strategy.exit': 'Bars of the opposite channel that exits.',
  'strategy.allowShort': 'Also enter short on a break of the low.',
  'strategy.stopLossPct': 'Stop distance as a share of the price, on every entry; fixed-risk and goal-kelly size from it.',
  'strategy.takeProfitPct': 'Take-profit distance as a share of the price.',
  'strategy.confidence': 'Signal confidence the sizing engines read (0 to 1).',
  'sizing.fraction': 'Share of equity committed per entry.',
  'sizing.kellyFraction': 'Multiplier of the Kelly fraction (0.5 is half-Kelly).',
  'sizing.kellyCap': 'Largest Kelly fraction used.',
  'sizing.window': 'Closed trades the win rate and averages come from: the last N, or `{"days": N}` of simulated time.',
  'sizing.minTrades': 'Closed trades needed before the run\'s own statistics replace `priors`.',
  'sizing.priors': 'Win rate, average win and average loss used until `minTrades` trades have closed.',
  'sizing.priors.winRate': 'Prior share of winning trades.',
  'sizing.priors.avgWin': 'Prior average win, as a share of the position.',
  'sizing.priors.avgLoss': 'Prior average loss, as a share of the position.',
  'sizing.minPositionPct': 'Smallest position as a share of equity.',
  'sizing.maxPositionPct': 'Largest position as a share of equity.',
  'sizing.maxGrossExposure': 'Room under this gross exposure (a multiple of equity) caps a new position.',
  'sizing.assetClassLimits': 'Largest exposure per asset class, as a multiple of equity, e.g. `{"crypto": 0.3}`.',
  'sizing.driverGoal': 'The goal whose progress sets the risk; by default the tracker\'s driver goal.',
  'sizing.riskSource': '`tracker`: the tracker\'s goal-adjusted risk; `base`: the account risk under drawdown protection alone (the goal-off twin).',
  'sizing.negativeEdge': '`min-position` trades a non-positive edge at `minPositionPct`, so the statistics keep updating; `skip` skips it.',
  'sizing.base': 'Stage 1: the base size.',
  'sizing.base.method': '`seed`: the blend of volatility, Kelly and risk-parity sizes; `risk-budget`/`volatility`: equity x riskTolerance / (k x sigma); `kelly`, `risk_parity`, `blend`.',
  'sizing.base.seed': 'The `seed` method\'s constants.',
  'sizing.base.seed.weights': 'Blend of the three sizes; sums to 1.',
  'sizing.base.seed.weights.volatility': 'Weight of the volatility size.',
  'sizing.base.seed.weights.kelly': 'Weight of the Kelly size.',
  'sizing.base.seed.weights.risk_parity': 'Weight of the risk-parity size.',
  'sizing.base.seed.volatility': 'Volatility size = balance x risk x clamp(target / sigma, scaleMin, scaleMax), x highMultiplier above highSigma, at most maxPct.',
  'sizing.base.seed.volatility.target': 'Daily sigma the size is scaled toward.',
  'sizing.base.seed.volatility.scaleMin': 'Smallest scale.',
  'sizing.base.seed.volatility.scaleMax': 'Largest scale.',
  'sizing.base.seed.volatility.highSigma': 'Daily sigma above which the size is cut.',
  'sizing.base.seed.volatility.highMultiplier': 'The cut.',
  'sizing.base.seed.volatility.maxPct': 'Largest volatility size, a share of the balance.',
  'sizing.base.seed.kelly': 'Kelly size = balance x clamp(fraction x f, 0, cap) x confidence; fallbackPct without an estimate.',
  'sizing.base.seed.kelly.fraction': 'Multiplier of f.',
  'sizing.base.seed.kelly.cap': 'Largest fraction of the balance.',
  'sizing.base.seed.kelly.fallbackPct': 'Size without an estimate, a share of the balance.',
  'sizing.base.seed.kelly.winRate': 'Placeholder win rate W until the run has its own.',
  'sizing.base.seed.kelly.winLossRatio': 'Placeholder win/loss ratio R until the run has its own.',
  'sizing.base.seed.riskParity': 'Risk-parity size = balance x (portfolioVolatility / n) / sigma, n the open positions + 1, at most maxPct.',
  'sizing.base.seed.riskParity.portfolioVolatility': 'Daily portfolio sigma shared among the positions.',
  'sizing.base.seed.riskParity.maxPct': 'Largest risk-parity size, a share of the balance.',
  'sizing.base.seed.riskParity.fallbackPct': 'Size while sigma is unknown.',
  'sizing.base.blendWeights': 'Weights of the `blend` method; sum to 1.',
  'sizing.base.blendWeights.volatility': 'Weight of the volatility size.',
  'sizing.base.blendWeights.kelly': 'Weight of the Kelly size.',
  'sizing.base.blendWeights.risk_parity': 'Weight of the risk-parity size.',
  'sizing.base.lookback': 'Days of daily returns for sigma.',
  'sizing.base.longLookback': 'Days of daily returns for the long sigma of the market stage.',
  'sizing.base.k': 'The k of risk-budget: equity x riskTolerance / (k x sigma).',
  'sizing.signal': 'Stage 2: the size by signal confidence.',
  'sizing.signal.method': '`steps`: the step function of confidence; `linear`: x confidence.',
  'sizing.signal.steps': '[at least, factor] pairs, highest first.',
  'sizing.signal.floor': 'Factor below the lowest step.',
  'sizing.market': 'Stage 3: the size by market regime, read from the symbol\'s own data.',
  'sizing.market.method': '`regime`: multipliers by regime; `volatility-ratio`: clamp(long sigma / short sigma, min, max).',
  'sizing.market.highVolatility': 'Multiplier when the short sigma exceeds volatilityRatio x the long one.',
  'sizing.market.bear': 'Multiplier when the close is below its trend average by more than trendBand.',
  'sizing.market.bull': 'Multiplier when the close is above its trend average by more than trendBand.',
  'sizing.market.sideways': 'Multiplier otherwise.',
  'sizing.market.volatilityRatio': 'Short over long sigma that means high volatility.',
  'sizing.market.trendLookback': 'Days of the trend average.',
  'sizing.market.trendBand': 'Distance from the trend average that makes a bull or bear market.',
  'sizing.market.offHours': 'A multiplier outside [startHour, endHour) UTC of simulated time (nothing on daily bars).',
  'sizing.market.offHours.enabled': 'Apply it.',
  'sizing.market.offHours.multiplier': 'The multiplier.',
  'sizing.market.offHours.startHour': 'First hour of the session, UTC.',
  'sizing.market.offHours.endHour': 'Hour the session ends, UTC.',
  'sizing.market.min': 'Smallest volatility-ratio multiplier.',
  'sizing.market.max': 'Largest volatility-ratio multiplier.',
  'sizing.goalFactor': 'Stage 5: the goal factor, a blend of the return, income and portfolio goals\' pace.',
  'sizing.goalFactor.enabled': 'Off gives the goal-off twin: every other stage as it was.',
  'sizing.goalFactor.thresholds': 'Pace levels of the per-goal factor; they must increase.',
  'sizing.goalFactor.thresholds.ahead': 'Pace above which the goal is ahead (factor below 1).',
  'sizing.goalFactor.thresholds.onTrackMin': 'Least pace on track (factor 1).',
  'sizing.goalFactor.thresholds.atRisk': 'Pace below which the goal is at risk.',
  'sizing.goalFactor.thresholds.critical': 'Pace below which the goal is critical (largest factor).',
  'sizing.goalFactor.thresholds.aheadSaturation': 'Pace at which being ahead stops lowering the factor.',
  'sizing.goalFactor.preservation': 'Portfolio values between which the factor moves from growth to preservation.',
  'sizing.goalFactor.preservation.start': 'Equity where preservation starts (portfolio factor 1 below it).',
  'sizing.goalFactor.preservation.full': 'Equity of full preservation (portfolio factor 0.5).',
  'sizing.goalFactor.weights': 'Weights of the return, income and portfolio factors; each triple sums to 1.',
  'sizing.goalFactor.weights.growth': 'Weights below preservation.start.',
  'sizing.goalFactor.weights.growth.return': 'Weight of the monthly return factor.',
  'sizing.goalFactor.weights.growth.income': 'Weight of the monthly income factor.',
  'sizing.goalFactor.weights.growth.portfolio': 'Weight of the portfolio factor.',
  'sizing.goalFactor.weights.preservation': 'Weights in preservation, where the portfolio factor also caps the result.',
  'sizing.goalFactor.weights.preservation.return': 'Weight of the monthly return factor.',
  'sizing.goalFactor.weights.preservation.income': 'Weight of the monthly income factor.',
  'sizing.goalFactor.weights.preservation.portfolio': 'Weight of the portfolio factor.',
  'sizing.goalFactor.bounds': 'The factor is clamped to [min, max].',
  'sizing.goalFactor.bounds.min': 'Smallest goal factor.',
  'sizing.goalFactor.bounds.max': 'Largest goal factor.',
};

/** What each engine and strategy does, one sentence each, above its table. */
const SUMMARY: Readonly<Record<string, string>> = {
  'fixed-fraction': 'Commits a fixed share of equity to each entry. A baseline without goals.',
  'fixed-risk': 'Risks `account.riskTolerance` of equity over the signal\'s stop distance. A baseline without goals; it takes no parameters and needs a stop.',
  kelly: 'Equity x Kelly f x kellyFraction, from the run\'s closed trades. A baseline without goals.',
  pipeline: 'The source system\'s staged risk manager: base, signal, market, constraints, goal factor, limits, final. Each constant is a parameter.',
  'goal-kelly': 'Risk amount = equity x the tracker\'s goal-adjusted risk, over the stop distance, x Kelly f x kellyFraction x confidence, clamped to the position bounds. Needs a stop.',
  'sma-cross': 'Long when the fast average crosses above the slow one; flat when it crosses back.',
  breakout: 'Donchian channel breakout.',
  'buy-and-hold': 'Long from the first bar to the end: every run\'s benchmark. No parameters, no stop.',
  signals: 'Replays a signals CSV (the one data source of kind `signals`): timestamp,symbol,side,confidence,stop_loss_pct[,take_profit_pct].',
  'strategy module': 'Your own strategy: `module` names a .js, .mjs or .ts file, relative to the scenario file, exporting createStrategy(params, symbol) that returns { onBar(ctx) }.',
  'sizing module': 'Your own engine: `module` names a file, relative to the scenario file, exporting createSizer(params) that returns a sizing engine (README: "Your own sizing engine").',
};

/** A section of the page: its heading (whose slug is the link target) and its options. */
interface Section {
  readonly title: string;
  readonly key: string;
  readonly intro: string;
  readonly schema: JsonSchema | undefined;
  /** The section's values with every default filled in, from parsing its least valid input. */
  readonly defaults?: unknown;
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
export function slugOf(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9 _-]/g, '')
    .replace(/ /g, '-');
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

function rangeText(node: JsonSchema): string {
  const parts: string[] = [];
  if (node.exclusiveMinimum !== undefined) parts.push(`> ${node.exclusiveMinimum}`);
  if (node.minimum !== undefined && node.minimum > -MAX_SAFE) parts.push(`>= ${node.minimum}`);
  if (node.exclusiveMaximum !== undefined) parts.push(`< ${node.exclusiveMaximum}`);
  if (node.maximum !== undefined && node.maximum < MAX_SAFE) parts.push(`<= ${node.maximum}`);
  if (node.minLength !== undefined && node.minLength > 0) parts.push('not empty');
  return parts.join(', ');
}

function typeText(node: JsonSchema): string {
  const options = node.anyOf ?? node.oneOf;
  if (options !== undefined) return options.map(typeText).join(' or ');
  if (node.const !== undefined) return `\`${JSON.stringify(node.const)}\``;
  if (node.enum !== undefined) return node.enum.map((v) => `\`${JSON.stringify(v)}\``).join(' \\| ');
  const range = rangeText(node);
  const withRange = (name: string): string => (range === '' ? name : `${name} ${range}`);
  if (Array.isArray(node.type)) return node.type.join(' or ');
  switch (node.type) {
    case 'array':
      if (node.prefixItems !== undefined) return `[${node.prefixItems.map(typeText).join(', ')}]`;
      return `list of ${node.items === undefined ? 'values' : typeText(node.items)}`;
    case 'object':
      if (node.properties !== undefined) return `{ ${Object.entries(node.properties).map(([k, v]) => `${k}: ${typeText(v)}`).join(', ')} }`;
      if (typeof node.additionalProperties === 'object') return `map of name to ${typeText(node.additionalProperties)}`;
      return 'object';
    case 'integer':
      return withRange('integer');
    case 'number':
      return withRange('number');
    case 'string':
      return node.pattern === undefined ? withRange('string') : `string matching \`${node.pattern}\``;
    case 'boolean':
      return 'true or false';
    default:
      return 'any';
  }
}

/** The schema's default; else the value parsing fills in (a default behind a transform is not in the JSON Schema). */
function defaultText(node: JsonSchema, required: boolean, parsed: unknown): string {
  if (required) return 'required';
  const value = node.default ?? parsed;
  return value === undefined ? '' : `\`${JSON.stringify(value)}\``;
}

interface Row {
  readonly path: string;
  readonly type: string;
  readonly default: string;
  readonly meaning: string;
}

/** A plain object of named options (not a map, not a union): its options get rows of their own. */
const isGroup = (node: JsonSchema): boolean => node.type === 'object' && node.properties !== undefined && node.anyOf === undefined;

/** Every option under `node`, groups before their members, in schema order. */
function rowsOf(node: JsonSchema, sectionKey: string, defaults: unknown, prefix = ''): Row[] {
  const rows: Row[] = [];
  for (const [name, child] of Object.entries(node.properties ?? {})) {
    const path = `${prefix}${name}`;
    const parsed = defaults !== null && typeof defaults === 'object' && Object.hasOwn(defaults, name) ? (defaults as Record<string, unknown>)[name] : undefined;
    const listOfGroups = child.type === 'array' && child.items !== undefined && isGroup(child.items);
    rows.push({
      path,
      type: isGroup(child) ? 'object' : listOfGroups ? 'list of objects' : typeText(child),
      default: isGroup(child) ? '' : defaultText(child, node.required?.includes(name) === true, parsed),
      meaning: MEANING[`${sectionKey}.${path}`] ?? '',
    });
    if (isGroup(child)) rows.push(...rowsOf(child, sectionKey, parsed, `${path}.`));
    if (listOfGroups && child.items !== undefined) rows.push(...rowsOf(child.items, sectionKey, undefined, `${path}[].`));
  }
  return rows;
}

const escapeCell = (text: string): string => text.replace(/\|(?<!\\\|)/g, '\\|');

function tableOf(rows: readonly Row[]): string {
  const lines = ['| option | type | default | meaning |', '|---|---|---|---|'];
  for (const row of rows) lines.push(`| \`${row.path}\` | ${escapeCell(row.type)} | ${escapeCell(row.default)} | ${escapeCell(row.meaning)} |`);
  return lines.join('\n');
}

/** The scenario's top-level properties, each a JSON Schema. */
function scenarioProperties(): Readonly<Record<string, JsonSchema>> {
  return jsonSchemaOf(scenarioSchema).properties ?? {};
}

/** The `params` of each variant of a discriminated union, by its name. */
function paramsByName(union: JsonSchema, discriminator: string): Map<string, JsonSchema | undefined> {
  const byName = new Map<string, JsonSchema | undefined>();
  for (const option of union.oneOf ?? union.anyOf ?? []) {
    const name = option.properties?.[discriminator]?.const;
    if (typeof name === 'string') byName.set(name, option.properties?.['params']);
  }
  return byName;
}

const SECTION_INTROS: Readonly<Record<string, string>> = {
  scenario: 'A scenario file is one JSON object. Unknown keys are errors, so a typo never falls back to a default silently; money amounts are decimal strings. Top-level options:',
  data: 'Each entry of `data` is one CSV file: a price source (kind bars, close or trades, one symbol each) or the signals of the `signals` strategy.',
  period: 'The simulated span; bars outside it are not simulated.',
  account: 'The account the run trades in.',
  costs: 'Trading costs.',
  execution: 'How orders are filled and positions kept. A decision at a bar fills at the next bar\'s open.',
  goals: 'The goals the tracker follows, for every engine; only pipeline and goal-kelly size from them.',
  tracker: 'The goal tracker: its cycle, risk adjustments, milestones and drawdown protection.',
  metrics: 'How summary.json\'s metrics are computed.',
};

/** The page's sections in order: the scenario's sections, then one per strategy and per engine. */
function sections(): Section[] {
  const properties = scenarioProperties();
  const top: JsonSchema = { type: 'object', properties: Object.fromEntries(['name', 'description', 'seed'].map((k) => [k, properties[k] as JsonSchema])), required: ['name'] };
  const dataItems = jsonSchemaOf(dataSourceSchema);
  const list: Section[] = [
    { title: 'Scenario', key: 'scenario', intro: SECTION_INTROS['scenario'] ?? '', schema: top },
    { title: 'Data sources', key: 'data', intro: SECTION_INTROS['data'] ?? '', schema: dataItems, defaults: dataSourceSchema.parse({ path: 'x' }) },
  ];
  const least = scenarioSchema.parse(LEAST_SCENARIO) as Record<string, unknown>;
  for (const key of ['period', 'account', 'costs', 'execution']) list.push({ title: capitalised(key), key, intro: SECTION_INTROS[key] ?? '', schema: properties[key], defaults: least[key] });
  const strategies = paramsByName(jsonSchemaOf(strategySchema), 'name');
  for (const [name, params] of strategies) list.push({ title: `Strategy ${name}`, key: 'strategy', intro: SUMMARY[name === 'module' ? 'strategy module' : name] ?? '', schema: params, defaults: strategySchema.parse({ name, ...(name === 'module' ? { module: 'x' } : {}) }).params });
  for (const engine of ENGINE_CATALOGUE) list.push({ title: `Sizing engine ${engine.name}`, key: 'sizing', intro: SUMMARY[engine.name] ?? '', schema: jsonSchemaOf(engine.params as z.ZodType), defaults: engine.params.parse({}) });
  list.push({ title: 'Sizing engine module', key: 'sizing', intro: SUMMARY['sizing module'] ?? '', schema: { type: 'object', additionalProperties: {} } });
  list.push({ title: 'Goals', key: 'goals', intro: SECTION_INTROS['goals'] ?? '', schema: jsonSchemaOf(goalsSchema) });
  list.push({ title: 'Tracker', key: 'tracker', intro: SECTION_INTROS['tracker'] ?? '', schema: jsonSchemaOf(trackerSchema), defaults: trackerSchema.parse({}) });
  list.push({ title: 'Metrics', key: 'metrics', intro: SECTION_INTROS['metrics'] ?? '', schema: properties['metrics'], defaults: least['metrics'] });
  return list;
}

/** The least a scenario must say: parsing it fills in every section's defaults. */
const LEAST_SCENARIO = {
  name: 'x',
  data: [{ symbol: 'X', path: 'x.csv' }],
  account: { initialCapital: '1' },
  strategy: { name: 'buy-and-hold' },
  sizing: { engine: 'fixed-fraction' },
};

const capitalised = (word: string): string => `${word.charAt(0).toUpperCase()}${word.slice(1)}`;

/** Every option row of the page with its section: what the test checks for a meaning each. */
export function referenceRows(): { section: string; key: string; row: Row }[] {
  return sections().flatMap((section) => (section.schema === undefined ? [] : rowsOf(section.schema, section.key, section.defaults).map((row) => ({ section: section.title, key: section.key, row }))));
}

/** The keys of MEANING, for the test that no sentence describes an option that does not exist. */
export const MEANING_KEYS: readonly string[] = Object.keys(MEANING);

/** docs/reference.md, as generated. */
export function referenceMarkdown(): string {
  const all = sections();
  const out: string[] = [
    '# Scenario reference',
    '',
    '<!-- Generated by `npm run docs` from the schemas (src/scenario/reference.ts); do not edit by hand. -->',
    '',
    'Every option of a scenario file, with its type, default and allowed values, read from the schemas goalsim validates with.',
    'Sweeps set these options by dotted path (`sizing.params.maxPositionPct`, `data.0.lotStep`). How runs, sweeps, odds, walk-forwards and solves work is in the README.',
    '',
    all.map((s) => `[${s.title}](#${slugOf(s.title)})`).join(' · '),
    '',
  ];
  for (const section of all) {
    out.push(`## ${section.title}`, '', section.intro, '');
    const name = section.title.split(' ').pop() ?? '';
    const module = name === 'module' ? ' "module": "./mine.js",' : '';
    if (section.key === 'strategy') out.push(`In a scenario: \`"strategy": { "name": "${name}",${module} "params": { ... } }\`.`, '');
    if (section.key === 'sizing') out.push(`In a scenario: \`"sizing": { "engine": "${name}",${module} "params": { ... } }\`.`, '');
    if (section.schema === undefined) continue;
    const rows = rowsOf(section.schema, section.key, section.defaults);
    out.push(rows.length > 0 ? tableOf(rows) : name === 'module' ? 'Its `params` are passed to your module as they are.' : 'No parameters.', '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/**
 * The section of the page about the option at `jsonPath` ("sizing.params.fraction") of a
 * scenario whose raw JSON is `raw` (the engine's or strategy's name picks its section), as the
 * hint under an error: "sizing engine fixed-fraction: its options and their defaults are in
 * docs/reference.md#sizing-engine-fixed-fraction".
 */
export function referenceHint(jsonPath: string, raw: unknown): string {
  const top = /^[A-Za-z]+/.exec(jsonPath)?.[0] ?? '';
  const named = (key: string, field: string): string | undefined => {
    const section = (raw as Record<string, unknown> | null)?.[key] as Record<string, unknown> | undefined;
    const name = section?.[field];
    return typeof name === 'string' ? name : undefined;
  };
  const titles = new Set(sections().map((s) => s.title));
  let title = 'Scenario';
  if (top === 'data') title = 'Data sources';
  else if (top === 'strategy') title = `Strategy ${named('strategy', 'name') ?? ''}`;
  else if (top === 'sizing') title = `Sizing engine ${named('sizing', 'engine') ?? ''}`;
  else if (titles.has(capitalised(top))) title = capitalised(top);
  // an unknown engine or strategy name: the page's list of sections names them all
  if (!titles.has(title)) return `every strategy, sizing engine and option is in ${REFERENCE_FILE}`;
  return `${title.toLowerCase()}: its options and their defaults are in ${REFERENCE_FILE}#${slugOf(title)}`;
}
