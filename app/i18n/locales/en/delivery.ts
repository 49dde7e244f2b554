export const delivery = {
  reason: {
    bounced: "Email bounced",
    complained: "Reported as spam",
  },
  since: "since {{date}}",
  explained:
    "Notices are no longer sent to this address. Invitations and password resets still are, but may not arrive.",
  lift: "Send notices again",
  lifted: "Notices go to this address again.",
  alreadyLifted: "Notices to this address had already been resumed.",
  changed: "This address bounced or complained again in the meantime. Review it and try again.",
  webhook: {
    notConfigured: "Webhooks are not configured on this server.",
    badSignature: "The webhook signature is missing or not valid.",
    malformed: "The webhook body is not a valid event.",
    jsonOnly: "This address accepts only JSON (application/json).",
  },
};
