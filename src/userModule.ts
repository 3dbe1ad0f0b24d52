/**
 * Imports a user's module (a strategy or a sizing engine) by path: a .js/.mjs module as it is, a
 * TypeScript one through tsx, which Node 20 needs.
 */
import { pathToFileURL } from 'node:url';

export async function importUserModule(modulePath: string): Promise<Record<string, unknown>> {
  const url = pathToFileURL(modulePath).href;
  if (!/\.[cm]?ts$/.test(modulePath)) return (await import(url)) as Record<string, unknown>;
  const { tsImport } = await import('tsx/esm/api');
  return (await tsImport(url, import.meta.url)) as Record<string, unknown>;
}

/** The function a module exports by `name`, or as its default (itself, or an object holding it). */
export function exportedFunction<F>(loaded: Record<string, unknown>, name: string): F | undefined {
  const named = loaded[name];
  if (typeof named === 'function') return named as F;
  const fallback = loaded['default'];
  if (typeof fallback === 'function') return fallback as F;
  const inner = (fallback as Record<string, unknown> | undefined)?.[name];
  return typeof inner === 'function' ? (inner as F) : undefined;
}
