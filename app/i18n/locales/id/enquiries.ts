import type { Translation } from "../en";

// Permintaan sesi berbagi pengetahuan dari mitra: formulir di halaman kasus, dan kotak masuk staf.
export const enquiries: Translation["enquiries"] = {
  title: "Permintaan",
  intro:
    "Permintaan sesi berbagi pengetahuan yang dikirim mitra dari halaman kasus pustaka. Data pengirim adalah data pribadi: hanya untuk staf.",
  form: {
    title: "Minta sesi berbagi pengetahuan tentang inovasi ini",
    intro:
      "Beri tahu kami siapa Anda dan apa yang ingin Anda pelajari dari inovasi ini. Tidak perlu akun: staf kerja sama menjawab melalui email.",
    name: "Nama Anda",
    organization: "Organisasi",
    country: "Negara",
    email: "Email",
    message: "Apa yang ingin Anda pelajari?",
    messageHint: "Antara 10 dan {{max}} karakter.",
    trap: "Biarkan kolom ini kosong",
    privacy:
      "Data Anda hanya digunakan untuk menjawab permintaan ini dan hanya dilihat oleh staf kerja sama, tidak pernah diterbitkan.",
    submit: "Kirim permintaan",
  },
  sentTitle: "Terima kasih: permintaan Anda telah terkirim",
  sentText:
    "Staf kerja sama akan membacanya dan menjawab Anda melalui email. Tanda terima sedang dikirim ke alamat yang Anda berikan.",
  backToCase: "Kembali ke “{{title}}”",
  rateLimited:
    "Terlalu banyak permintaan dikirim dari sini atau untuk alamat ini. Tunggu {{minutes}} menit lalu coba lagi.",
  planThroughActivity: "Status “kegiatan direncanakan” didapat dengan merencanakan kegiatan dari permintaan ini.",
  alreadyPlanned: "Sebuah kegiatan sudah direncanakan dari permintaan ini.",
  caseGone:
    "Kasus yang ditanyakan permintaan ini sudah tidak ada, sehingga tidak ada kegiatan yang dapat direncanakan.",
  activityTitle: "Sesi berbagi pengetahuan: {{title}}",
  activityDescription: "Diminta oleh mitra melalui pustaka (permintaan {{id}}).",
  list: {
    status: "Status",
    all: "Semua",
    show: "Tampilkan",
    received: "Diterima",
    case: "Kasus",
    from: "Dari",
    empty: "Tidak ada permintaan di sini.",
    count_one: "{{count}} permintaan",
    count_other: "{{count}} permintaan",
    pages: "Halaman permintaan",
  },
  detail: {
    title: "Permintaan dari {{name}}",
    back: "Kembali ke daftar permintaan",
    received: "Diterima",
    case: "Kasus",
    noCase: "Kasusnya telah dihapus.",
    unpublished: "belum diterbitkan",
    organization: "Organisasi",
    country: "Negara",
    email: "Email",
    message: "Pesan",
    language: "Bahasa halaman",
    status: "Status",
    handledBy: "Terakhir ditangani oleh",
    activity: "Kegiatan yang direncanakan",
    changeStatus: "Ubah status",
    newStatus: "Status baru",
    changeButton: "Ubah status",
    plan: "Rencanakan kegiatan",
    planHint:
      "Membuat kegiatan berbagi pengetahuan yang direncanakan tentang kasus ini, tertaut padanya, lalu membuka formulirnya untuk mengatur tanggal dan lainnya.",
    planButton: "Rencanakan kegiatan",
    conflict: "Pengguna lain telah mengubah permintaan ini sementara itu.",
    conflictTitle: "Pengguna lain mengubah permintaan ini saat Anda melihatnya",
  },
  saved: "Permintaan telah diperbarui.",
  planned: "Kegiatan telah direncanakan dari permintaan ini. Atur tanggal dan rinciannya, lalu simpan.",
  shared: {
    title: "Dibagikan dalam kegiatan berikut",
    intro: "Kegiatan berbagi pengetahuan kerja sama tempat pelajaran dari inovasi ini dibagikan.",
  },
};
