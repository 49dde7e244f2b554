import { type Agreement } from "../../db/schema";

/** The state people see: derived from the dates and later agreements, not only the recorded status. */
type Lifecycle = "draft" | "signed" | "in_force" | "expired" | "renewed" | "terminated";

interface Dated {
  status: Agreement["status"];
  inForceFrom: string | null;
  inForceUntil: string | null;
}

/**
 * Draft and terminated are what the record says. Otherwise a renewal that has taken effect makes
 * the agreement "renewed"; else the in-force period decides; with no dates, the recorded status.
 */
export function lifecycleOf(a: Dated, renewals: Dated[], today: string): Lifecycle {
  if (a.status === "terminated") return "terminated";
  if (a.status === "draft") return "draft";
  if (renewals.some((r) => r.status !== "draft" && (!r.inForceFrom || r.inForceFrom <= today))) return "renewed";
  if (a.inForceUntil && a.inForceUntil < today) return "expired";
  if (a.inForceFrom) return a.inForceFrom <= today ? "in_force" : "signed";
  return a.status;
}
