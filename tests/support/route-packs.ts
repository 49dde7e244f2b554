import * as packs from "../../app/i18n/packs";

/** The string packs a route module names in its handle (`export const handle = casesPage`: library and cases). */
export function declaredPacks(routeSource: string): readonly string[] {
  const name = /export const handle = (\w+);/.exec(routeSource)?.[1];
  const handle = (packs as Record<string, unknown>)[name ?? ""] as { strings?: readonly string[] } | undefined;
  return handle?.strings ?? [];
}
