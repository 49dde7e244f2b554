export const documents = {
  title: "Dokumen",
};
