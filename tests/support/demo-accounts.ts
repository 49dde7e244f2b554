/** The demo accounts the seed makes with `--demo` (and on the embedded database), as README.md lists them. */
export type Role = "admin" | "editor" | "viewer";

export const demoPassword = "jembatan-demo";

export const demoAccounts: Record<Role, { email: string; name: string }> = {
  admin: { email: "admin@example.org", name: "Demo Admin" },
  editor: { email: "editor@example.org", name: "Demo Editor" },
  viewer: { email: "viewer@example.org", name: "Demo Viewer" },
};
