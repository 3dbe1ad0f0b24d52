/**
 * Currency codes: ISO 4217's current codes (the runtime's Intl list) and the historic codes of
 * the currencies the euro replaced, which data of the 1990s is quoted in (DEM, FRF...). A code is
 * upper case, so "usd" is refused with the code it likely meant.
 */

/** ISO 4217 codes withdrawn for the euro (1999-2015): still the currency of older price data. */
const EURO_PREDECESSORS = ['ATS', 'BEF', 'CYP', 'DEM', 'EEK', 'ESP', 'FIM', 'FRF', 'GRD', 'HRK', 'IEP', 'ITL', 'LTL', 'LUF', 'LVL', 'MTL', 'NLG', 'PTE', 'SIT', 'SKK'] as const;

let known: ReadonlySet<string> | undefined;

function knownCodes(): ReadonlySet<string> {
  known ??= new Set([...Intl.supportedValuesOf('currency'), ...EURO_PREDECESSORS]);
  return known;
}

/** Why `code` is no currency code, or undefined when it is one. */
export function currencyProblem(code: string): string | undefined {
  if (knownCodes().has(code)) return undefined;
  const upper = code.toUpperCase();
  if (knownCodes().has(upper)) return `"${code}" is not an ISO 4217 code: write "${upper}"`;
  return `"${code}" is not an ISO 4217 currency code (such as USD, EUR, GBP, JPY, or a historic one such as DEM)`;
}
