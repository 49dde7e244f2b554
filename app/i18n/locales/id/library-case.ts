export const libraryCase = {
  back: "Kembali ke perpustakaan",
};
