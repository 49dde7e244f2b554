import type { Translation } from "../en";

export const dashboard: Translation["dashboard"] = {
  title: "Dasbor",
  welcome: "Selamat datang, {{name}}",
  asOf: "Data per {{date}}.",
  total: "Jumlah",
  percent: "{{value}}%",
  inForce: "Berlaku {{from}} – {{until}}",
  inForceFrom: "Berlaku sejak {{from}}",

  planTitle: "Kemajuan rencana aksi",
  planIntro:
    "Waktu yang telah berjalan pada setiap rencana aksi yang berlaku, dibandingkan dengan bagian kegiatannya yang telah selesai.",
  noPlan: "Tidak ada rencana aksi yang berlaku hari ini.",
  planCaption: "{{plan}}: waktu berjalan dan kegiatan selesai, menurut jenis",
  measure: "Ukuran",
  progress: "Kemajuan",
  figures: "Angka",
  timeElapsed: "Waktu berjalan",
  elapsedOf: "{{percent}} · hari ke-{{days}} dari {{total}}",
  elapsedOpenEnded_one: "{{days}} hari sejak mulai berlaku; tanpa tanggal berakhir",
  elapsedOpenEnded_other: "{{days}} hari sejak mulai berlaku; tanpa tanggal berakhir",
  allActivities: "Semua kegiatan",
  completedOf: "{{completed}} dari {{total}} selesai ({{percent}})",
  noPlanActivities: "Belum ada kegiatan yang terkait dengan rencana ini.",
  markerHint:
    "Batang menunjukkan bagian kegiatan yang telah selesai; garis putus-putus menandai waktu yang telah berjalan ({{percent}}).",

  commitmentsByStatus: "Komitmen menurut status",
  agreement: "Perjanjian",
  status: "Status",
  commitments: "Komitmen",
  noCommitments: "Belum ada komitmen yang dicatat",
  noAgreements: "Belum ada perjanjian yang dicatat.",

  upcomingTitle: "Kegiatan dalam 30 hari ke depan",
  upcomingRange: "Dimulai {{from}} – {{to}}, menurut zona waktu Anda.",
  noUpcoming: "Tidak ada kegiatan yang dimulai dalam 30 hari ke depan.",
  showingFirst: "Menampilkan {{shown}} pertama dari {{total}}.",
  allUpcoming: "Semua kegiatan dalam 30 hari ke depan",

  overdueTitle: "Komitmen yang melewati tenggat",
  overdueIntro: "Tenggatnya sebelum hari ini dan belum selesai maupun ditarik, dimulai dari yang terlama.",
  noOverdue: "Tidak ada komitmen yang melewati tenggat.",
  overdueCount_one: "{{formatted}} komitmen melewati tenggat.",
  overdueCount_other: "{{formatted}} komitmen melewati tenggat.",
  showingOldest: "Ditampilkan {{shown}} yang terlama.",
  dueOn: "Tenggat {{date}}",
  daysOverdue_one: "terlambat {{formatted}} hari",
  daysOverdue_other: "terlambat {{formatted}} hari",

  expiringTitle: "Perjanjian yang berakhir dalam enam bulan",
  expiringIntro: "Berlaku atau telah ditandatangani, dan berakhir antara hari ini dan {{date}}.",
  noExpiring: "Tidak ada perjanjian yang berakhir dalam enam bulan ke depan.",
  endsOn: "berakhir {{date}}",
  endsToday: "hari ini hari terakhir",
  daysLeft_one: "sisa {{formatted}} hari",
  daysLeft_other: "sisa {{formatted}} hari",

  dormantTitle: "Perjanjian tidak aktif",
  dormantIntro:
    "Berlaku atau telah ditandatangani, tetapi tidak ada kegiatan yang dimulai atau diperbarui dalam enam bulan terakhir.",
  noDormant: "Setiap perjanjian yang berlaku memiliki kegiatan dalam enam bulan terakhir.",
  lastActivity: "kegiatan terakhir",
  neverActive: "belum ada kegiatan yang dicatat",

  chartTitle: "Kegiatan per triwulan, {{from}} sampai {{to}}",
  chartIntro: "Delapan triwulan terakhir hingga triwulan berjalan, menurut jenis kegiatan.",
  chartDescription:
    "Batang bertumpuk, satu untuk setiap triwulan dari {{from}} sampai {{to}}, dibagi menurut jenis kegiatan. Seluruhnya {{total}} kegiatan; terbanyak, {{max}}, pada {{busiest}}. Tabel berikut memuat semua angkanya.",
  chartLegend: "Jenis kegiatan",
  noChart: "Tidak ada kegiatan dalam delapan triwulan ini.",
  quarter: "Triwulan",
  quarterShort: "TW{{quarter}}",
  quarterLabel: "Triwulan {{quarter}} {{year}}",
};
