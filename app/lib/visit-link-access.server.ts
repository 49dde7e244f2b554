// Reading a visit's calendar or a member's briefing by a secret link (decision 21) instead of a
// session: calendar apps and members without an account cannot sign in.
import type { RouterContextProvider } from "react-router";
import { db } from "../db.server";
import type { VisitLinkPurpose } from "./enums";
import { requireUser } from "./auth.server";
import { notFound } from "./http";
import { findVisitLink } from "../models/visit-links.server";

/**
 * Lets the request through by the `?token=` of a live link opening `purpose` of exactly this
 * visit and member, or, without a token, by a signed-in user (viewer or above). A token that opens
 * nothing here is a 404 whatever the session: revoked, expired and another visit's look alike.
 */
export async function requireSessionOrLink(
  context: Readonly<RouterContextProvider>,
  request: Request,
  want: { visitId: number; purpose: VisitLinkPurpose; memberId: number | null },
): Promise<void> {
  const token = new URL(request.url).searchParams.get("token");
  if (token === null) {
    requireUser(context, request, "viewer");
    return;
  }
  if (!(await findVisitLink(db, token, want))) notFound();
}
