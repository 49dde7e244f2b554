export const dashboard = {
  title: "Dashboard",
  welcome: "Welcome, {{name}}",
  agreements: "Agreements",
  agreementsCount_one: "{{count}} agreement",
  agreementsCount_other: "{{count}} agreements",
  commitmentsByStatus: "Commitments by status",
  upcoming: "Upcoming activities",
  noUpcoming: "No activities are planned.",
  recent: "Recent activities",
  total: "Total",
  inForce: "In force {{from}} – {{until}}",
  inForceFrom: "In force from {{from}}",
};
