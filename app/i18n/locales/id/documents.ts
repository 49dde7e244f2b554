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
  existingTitle: "Lampirkan dokumen yang sudah diunggah",
  existingDocument: "Dokumen",
  existingHint: "Dokumen yang paling baru diunggah dan belum dilampirkan pada catatan ini, paling banyak {{max}}.",
  searchLabel: "Cari menurut kata dalam judul atau nama berkas",
  searchUploads: "Cari unggahan",
  search: "Cari",
  foundHint:
    "Dokumen terunggah yang belum dilampirkan pada catatan ini dan judul atau nama berkasnya memuat “{{search}}”, paling banyak {{max}} yang terbaru.",
  noneFound:
    "Tidak ada dokumen terunggah yang belum dilampirkan pada catatan ini dengan “{{search}}” dalam judul atau nama berkasnya.",
  showLatest: "Tampilkan unggahan terbaru",
  choose: "Pilih dokumen",
  attach: "Lampirkan",
  alreadyAttached: "Dokumen itu sudah dilampirkan pada catatan ini.",
  attachGone: "Dokumen itu atau catatan ini sudah tidak ada.",
};
