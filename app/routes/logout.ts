import { redirect } from "react-router";
import type { Route } from "./+types/logout";
import { endSession } from "../lib/auth.server";
import { redirectWithNotice } from "../lib/flash.server";

export function loader() {
  return redirect("/");
}

export async function action({ request }: Route.ActionArgs) {
  const headers = new Headers({ "Set-Cookie": await endSession(request) });
  // The browser keeps the signed-in pages to revalidate them (lib/http-cache.server.ts); once
  // signed out, nobody at this browser should find them in its cache or history.
  headers.set("Clear-Site-Data", '"cache"');
  return redirectWithNotice("/login", "login.signedOut", { headers });
}
