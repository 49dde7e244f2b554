import { type RouteConfig, index, layout, prefix, route } from "@react-router/dev/routes";

export default [
  index("routes/home.tsx"),
  route("healthz", "routes/healthz.ts"),
  route("login", "routes/login.tsx"),
  route("logout", "routes/logout.ts"),
  route("language", "routes/language.ts"),
  ...prefix("library", [index("routes/library.tsx"), route(":slug", "routes/library.$slug.tsx")]),
  layout("routes/staff.tsx", [
    route("dashboard", "routes/dashboard.tsx"),
    route("agreements", "routes/agreements.tsx"),
    route("agreements/:id", "routes/agreements.$id.tsx"),
    route("activities", "routes/activities.tsx"),
    route("admin/users", "routes/admin.users.tsx"),
  ]),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
