export const caseEditor = {
  title: "Sunting kasus",
  archivedCannotPublish: "Kasus yang diarsipkan tidak dapat diterbitkan. Pulihkan sebagai draf terlebih dahulu.",
};
