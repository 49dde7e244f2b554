export const visits = {
  title: "kunjungan",
  unknownTimeZone: "Pilih zona waktu seperti Asia/Baku atau Asia/Jakarta.",
  doneNeedsReport: "Kunjungan baru selesai setelah laporannya ditulis.",
};
