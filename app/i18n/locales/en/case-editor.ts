export const caseEditor = {
  title: "Edit case",
  archivedCannotPublish: "An archived case cannot be published. Restore it as a draft first.",
};
