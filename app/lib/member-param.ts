import { idParam } from "./route-params";

/** A briefing's `?member=<visit member id>`: that member's own version; absent, the whole delegation's. Anything else is a 404. */
export function memberParam(request: Request): number | null {
  const value = new URL(request.url).searchParams.get("member");
  return value === null ? null : idParam({ id: value });
}
