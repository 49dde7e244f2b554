// Who changed a record, when and how: every record page's history, and the conflict view.
export const history = {
  title: "History",
  none: "No changes recorded.",
  when: "When",
  who: "Who",
  action: "What",
  fields: "Fields changed",
  seed: "seed",
  cli: "command line",
  system: "system",
  unknown: "a deleted user",
  actions: {
    create: "Created",
    update: "Changed",
    delete: "Deleted",
    link: "Links changed",
    submit: "Submitted for review",
    publish: "Published",
    archive: "Archived",
    restore: "Restored as draft",
  },
};
