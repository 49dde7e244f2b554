// Dokumen yang dilampirkan pada kasus, kegiatan dan perjanjian: daftar, unggahan dan unduhan.
export const documents = {
  title: "Dokumen",
  none: "Belum ada dokumen yang dilampirkan.",
  uploadTitle: "Lampirkan dokumen",
  file: "Berkas",
  fileHint:
    "PDF, gambar (PNG, JPEG, GIF atau WebP) atau berkas perkantoran (Word, Excel, PowerPoint atau OpenDocument), paling besar 10 MB.",
  documentTitle: "Judul",
  upload: "Unggah dan lampirkan",
  detach: "Hapus",
  kilobytes: "{{size}} KB",
  megabytes: "{{size}} MB",
  uploaded: "Dokumen telah dilampirkan.",
  detached: "Dokumen telah dihapus.",
  missingFile: "Pilih berkas yang akan diunggah.",
  empty: "Berkas ini kosong.",
  tooLarge: "Berkas ini terlalu besar: paling besar {{limit}}.",
  typeRefused:
    "Jenis berkas ini tidak diterima. Unggah PDF, gambar PNG, JPEG, GIF atau WebP, atau berkas Word, Excel, PowerPoint atau OpenDocument.",
  titleTooLong: "Judul paling banyak {{max}} karakter.",
  recordGone: "Catatan tempat dokumen ini akan dilampirkan sudah tidak ada.",
  notAttached: "Dokumen ini tidak dilampirkan pada catatan ini.",
};
