import { Outlet } from "react-router";
import type { Route } from "./+types/staff";
import { requireUser } from "../lib/auth.server";

// Every page under this layout is for signed-in staff; each page's own loader and action
// still check the role it needs, because a layout's check does not cover its children's data.
export const middleware: Route.MiddlewareFunction[] = [
  ({ context, request }) => {
    requireUser(context, request, "viewer");
  },
];

export default function Staff() {
  return <Outlet />;
}
