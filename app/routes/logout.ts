import { redirect } from "react-router";
import type { Route } from "./+types/logout";
import { endSession } from "../lib/auth.server";

export function loader() {
  return redirect("/");
}

export async function action({ request }: Route.ActionArgs) {
  return redirect("/login?signedOut=1", { headers: { "Set-Cookie": await endSession(request) } });
}
