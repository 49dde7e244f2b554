import { type RouteConfig, index, layout, prefix, route } from "@react-router/dev/routes";

export default [
  index("routes/home.tsx"),
  route("healthz", "routes/healthz.ts"),
  route("login", "routes/login.tsx"),
  route("logout", "routes/logout.ts"),
  route("language", "routes/language.ts"),
  // Follow buttons of the agreement, commitment and activity pages post here.
  route("follows", "routes/follows.tsx"),
  // Pages reached by an emailed link: the token is in the query, which the request log never writes.
  route("invitation", "routes/invitation.tsx"),
  route("forgot-password", "routes/forgot-password.tsx"),
  route("reset-password", "routes/reset-password.tsx"),
  // The link in every notice's footer and List-Unsubscribe header; mail clients post to it without a session.
  route("unsubscribe/:token", "routes/unsubscribe.$token.tsx"),
  ...prefix("library", [
    index("routes/library.tsx"),
    route(":slug", "routes/library.$slug.tsx"),
    // A visitor's request for a session about a case: its own address, so the case page stays cacheable.
    route(":slug/enquiry", "routes/library.$slug.enquiry.tsx"),
  ]),
  // Exports check their own access: the calendar feed also takes a per-user token instead of a session.
  route("activities.csv", "routes/activities.csv.ts"),
  route("activities.ics", "routes/activities.ics.ts"),
  // A visit's briefing as a PDF and its programme as calendar files: each checks its own access
  // (the calendars also take a secret link's token instead of a session, decision 21).
  route("visits/:id/briefing.pdf", "routes/visits.$id.briefing.pdf.ts"),
  route("visits/:id/calendar.ics", "routes/visits.$id.calendar.ics.ts"),
  route("visits/:id/members/:memberId/calendar.ics", "routes/visits.$id.members.$memberId.calendar.ics.ts"),
  // A delegation member's own briefing by their personal link, without a session (decision 21).
  route("visits/:id/members/:memberId/briefing", "routes/visits.$id.members.$memberId.briefing.tsx"),
  // Resend's delivery reports: signed by Resend, not a signed-in user (see the route).
  route("webhooks/resend", "routes/webhooks.resend.ts"),
  // Documents of cases, activities and agreements: the upload (the one form that carries a file)
  // and the download, which checks its own access (visitors: a published case's documents only).
  route("documents", "routes/documents.tsx"),
  route("documents/:id/:fileName", "routes/documents.$id.$fileName.ts"),
  // The citation forms of the case, activity and agreement pages post here.
  route("citations", "routes/citations.tsx"),
  layout("routes/staff.tsx", [
    route("dashboard", "routes/dashboard.tsx"),
    route("account", "routes/account.tsx"),
    route("cases/:id/links", "routes/cases.$id.links.tsx"),
    ...prefix("agreements", [
      index("routes/agreements.tsx"),
      route("new", "routes/agreements.new.tsx"),
      route(":id", "routes/agreements.$id.tsx"),
      route(":id/edit", "routes/agreements.$id.edit.tsx"),
      route(":id/commitments/new", "routes/agreements.$id.commitments.new.tsx"),
    ]),
    ...prefix("commitments", [
      route(":id", "routes/commitments.$id.tsx"),
      route(":id/edit", "routes/commitments.$id.edit.tsx"),
    ]),
    ...prefix("activities", [
      index("routes/activities.tsx"),
      route("new", "routes/activities.new.tsx"),
      route(":id", "routes/activities.$id.tsx"),
      route(":id/edit", "routes/activities.$id.edit.tsx"),
    ]),
    ...prefix("people", [
      index("routes/people.tsx"),
      route("new", "routes/people.new.tsx"),
      route(":id", "routes/people.$id.tsx"),
      route(":id/edit", "routes/people.$id.edit.tsx"),
      route(":id/merge", "routes/people.$id.merge.tsx"),
    ]),
    ...prefix("organizations", [
      index("routes/organizations.tsx"),
      route("new", "routes/organizations.new.tsx"),
      route(":id", "routes/organizations.$id.tsx"),
      route(":id/edit", "routes/organizations.$id.edit.tsx"),
      route(":id/merge", "routes/organizations.$id.merge.tsx"),
    ]),
    ...prefix("cases", [
      index("routes/cases.tsx"),
      route("new", "routes/cases.new.tsx"),
      route(":id", "routes/cases.$id.tsx"),
      route(":id/edit", "routes/cases.$id.edit.tsx"),
    ]),
    ...prefix("enquiries", [index("routes/enquiries.tsx"), route(":id", "routes/enquiries.$id.tsx")]),
    route("sources/new", "routes/sources.new.tsx"),
    ...prefix("visits", [
      index("routes/visits.tsx"),
      route("new", "routes/visits.new.tsx"),
      route(":id", "routes/visits.$id.tsx"),
      route(":id/edit", "routes/visits.$id.edit.tsx"),
      route(":id/report", "routes/visits.$id.report.tsx"),
    ]),
    // A visit's follow-ups: listed for staff, added and edited by editors.
    route("visits/:id/follow-ups", "routes/visits.$id.follow-ups.tsx"),
    route("visits/:id/briefing", "routes/visits.$id.briefing.tsx"),
    route("visits/:id/delegation", "routes/visits.$id.delegation.tsx"),
    route("visits/:id/itinerary", "routes/visits.$id.itinerary.tsx"),
    route("admin/users", "routes/admin.users.tsx"),
    route("admin/mail", "routes/admin.mail.tsx"),
    route("admin/mail/:id", "routes/admin.mail.$id.tsx"),
    route("admin/mail/:id/html", "routes/admin.mail.$id.html.ts"),
  ]),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
