/** The demo accounts the seed makes with `--demo` (and on the embedded database), as README.md lists them. */
export type Role = "admin" | "editor" | "viewer";

export const demoPassword = "jembatan-demo";

/** Each account's time zone is the one its pages show dates in (the viewer works in Baku). */
export const demoAccounts: Record<Role, { email: string; name: string; timeZone: string }> = {
  admin: { email: "admin@example.org", name: "Demo Admin", timeZone: "Asia/Jakarta" },
  editor: { email: "editor@example.org", name: "Demo Editor", timeZone: "Asia/Jakarta" },
  viewer: { email: "viewer@example.org", name: "Demo Viewer", timeZone: "Asia/Baku" },
};
