import type { Translation } from "../en";

export const account: Translation["account"] = {
  title: "Akun Anda",
  details: "Rincian",
  email: "Email",
  role: "Peran",
  preferences: "Preferensi",
  timeZone: "Zona waktu",
  timeZoneHint: "Tanggal dan waktu ditampilkan dalam zona waktu ini.",
  language: "Bahasa",
  languageAuto: "Mengikuti peramban saya",
  save: "Simpan preferensi",
  saved: "Preferensi Anda telah disimpan.",
  conflict: "Akun Anda telah diubah di tempat lain. Periksa kembali lalu simpan lagi.",
  calendarTitle: "Langganan kalender",
  calendarText: "Tambahkan alamat ini ke Outlook atau Google Calendar (\"berlangganan dari URL\") untuk melihat kegiatan di kalender Anda. Alamat ini berfungsi tanpa masuk, jadi jangan dibagikan. Penyaring dari halaman kegiatan dapat ditambahkan ke alamat ini.",
  calendarAddress: "Alamat kalender Anda",
  calendarReset: "Buat alamat baru",
  calendarResetHint: "Alamat lama langsung tidak berlaku.",
  calendarWasReset: "Alamat kalender Anda telah diganti. Perbarui langganan kalender Anda.",
  sessionsTitle: "Sesi",
  signOutEverywhere: "Keluar dari semua perangkat",
};
