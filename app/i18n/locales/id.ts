import type { Translation } from "./en";
import { access } from "./id/access";
import { account } from "./id/account";
import { activities } from "./id/activities";
import { activityList } from "./id/activity-list";
import { agreements } from "./id/agreements";
import { commitments } from "./id/commitments";
import { dashboard } from "./id/dashboard";
import { delivery } from "./id/delivery";
import { editor } from "./id/editor";
import { mail } from "./id/mail";
import { libraryCase } from "./id/library-case";
import { library } from "./id/library";
import { caseEditor } from "./id/case-editor";
import { replication } from "./id/replication";
import { documents } from "./id/documents";
import { sources } from "./id/sources";
import { enquiries } from "./id/enquiries";
import { caseLabels } from "./id/case-labels";
import { notices } from "./id/notices";

export const id: Translation = {
  access,
  account,
  activities,
  activityList,
  agreements,
  commitments,
  dashboard,
  delivery,
  editor,
  mail,
  notices,
  libraryCase,
  caseEditor,
  replication,
  documents,
  sources,
  enquiries,
  ...caseLabels,
  app: {
    name: "Jembatan",
    tagline: "Jembatan kerja sama pelayanan publik",
    skipToContent: "Langsung ke konten",
    mainNav: "Utama",
  },
  nav: {
    home: "Beranda",
    dashboard: "Dasbor",
    agreements: "Perjanjian",
    activities: "Kegiatan",
    library: "Pustaka",
    users: "Pengguna",
    signIn: "Masuk",
    signOut: "Keluar",
    signedInAs: "Masuk sebagai {{name}} ({{role}})",
  },
  pager: {
    previous: "Halaman sebelumnya",
    next: "Halaman berikutnya",
    page: "Halaman {{page}} dari {{pages}}",
    pageOnly: "Halaman {{page}}",
  },
  language: {
    label: "Bahasa",
    change: "Ganti",
    en: "English",
    id: "Bahasa Indonesia",
  },
  landing: {
    title: "Jembatan: {{partnership}}",
    figuresTitle: "Angka utama",
    asOf: "per {{date}}",
    libraryTitle: "Pustaka inovasi",
    libraryText:
      "Jelajahi inovasi yang dibagikan para mitra satu sama lain, beserta pelajaran yang dipetik darinya. Tanpa perlu akun.",
    libraryCta: "Buka pustaka",
    staffTitle: "Untuk staf kementerian dan delegasi",
    staffText: "Catat kegiatan rencana aksi, pantau komitmen, dan siapkan kunjungan.",
    staffCta: "Masuk",
    countries: "Mitra",
    empty: "Belum ada kemitraan yang disiapkan.",
  },
  citation: {
    source: "Sumber:",
    descriptiveTitle: "judul deskriptif",
  },
  login: {
    title: "Masuk",
    password: "Kata sandi",
    submit: "Masuk",
    invalid: "Email atau kata sandi tidak benar.",
    rateLimited: "Terlalu banyak percobaan. Tunggu {{minutes}} menit lalu coba lagi.",
    demoTitle: "Akun demo",
    demoText:
      "Ini adalah instalasi demo. Masuk sebagai admin@example.org, editor@example.org, atau viewer@example.org, semuanya dengan kata sandi {{password}}.",
    signedOut: "Anda telah keluar.",
  },
  library,
  users: {
    title: "Pengguna",
    create: "Tambah pengguna",
    name: "Nama",
    password: "Kata sandi awal",
    passwordHint:
      "Minimal 12 karakter. Sampaikan kepada yang bersangkutan dengan aman; kata sandi dapat diganti kemudian.",
    organization: "Organisasi",
    organizationHint: "Negaranya menentukan pihak kemitraan yang komitmennya dapat dikonfirmasi oleh pengguna.",
    noOrganization: "Tidak ada (tidak mengonfirmasi untuk pihak mana pun)",
    status: "Status",
    active: "Aktif",
    invited: "Diundang",
    disabled: "Dinonaktifkan",
    disable: "Nonaktifkan",
    enable: "Aktifkan",
    created: "Pengguna telah ditambahkan.",
    updated: "Pengguna telah diperbarui.",
    emailTaken: "Pengguna dengan email ini sudah ada.",
    cannotDisableSelf: "Anda tidak dapat menonaktifkan akun Anda sendiri.",
    newPassword: "Kata sandi baru…",
    newPasswordFor: "Kata sandi baru untuk {{email}} (minimal 12 karakter)",
    setPassword: "Tetapkan kata sandi",
    passwordSet:
      "Pengguna mendapat kata sandi baru dan dikeluarkan dari semua perangkat. Sampaikan dengan aman; kata sandi dapat diganti di halaman akun.",
    passwordTooShort: "Kata sandi baru minimal 12 karakter.",
    ownPassword: "Ganti kata sandi Anda sendiri di halaman akun.",
    conflict: "Pengguna ini telah diubah oleh orang lain. Periksa kembali lalu coba lagi.",
  },
  roles: { admin: "Administrator", editor: "Penyunting", viewer: "Pembaca" },
  agreementKind: { mou: "Nota kesepahaman", renewal: "Pembaruan", action_plan: "Rencana aksi" },
  agreementStatus: {
    draft: "Draf",
    signed: "Ditandatangani",
    in_force: "Berlaku",
    expired: "Kedaluwarsa",
    terminated: "Diakhiri",
  },
  commitmentStatus: {
    not_started: "Belum dimulai",
    limited: "Terbatas",
    substantial: "Substansial",
    complete: "Selesai",
    withdrawn: "Ditarik",
  },
  activityType: {
    workshop: "Lokakarya",
    knowledge_sharing: "Berbagi pengetahuan",
    visit: "Kunjungan",
    training: "Pelatihan",
    meeting: "Pertemuan",
    other: "Lainnya",
  },
  activityMode: { in_person: "Tatap muka", online: "Daring", hybrid: "Hibrida" },
  activityStatus: {
    planned: "Direncanakan",
    confirmed: "Dikonfirmasi",
    completed: "Selesai",
    postponed: "Ditunda",
    cancelled: "Dibatalkan",
  },
  caseStatus: { draft: "Draf", published: "Diterbitkan", in_review: "Dalam peninjauan", archived: "Diarsipkan" },
  /** Words every form and feature shares. */
  form: {
    optional: "opsional",
    cancel: "Batal",
    save: "Simpan",
    email: "Email",
    role: "Peran",
    timeZone: "Zona waktu",
    conflict: {
      title: "Pengguna lain telah menyimpan data ini selagi Anda mengubahnya",
      intro:
        "Perubahan Anda belum disimpan. Bandingkan kedua versi di bawah ini; baris bertanda “berbeda” tidak sama, dan baris bertanda “diubah pengguna lain” diubah sejak Anda membuka formulir.",
      savedBy: "Disimpan oleh {{name}}, {{when}}.",
      field: "Isian",
      yours: "Versi Anda (belum disimpan)",
      theirs: "Versi tersimpan (yang berlaku sekarang)",
      differs: "berbeda",
      same: "sama",
      changedByOthers: "diubah pengguna lain",
      keepMine: "Kembali ke formulir dengan perubahan saya",
      keepMineHint:
        "Perubahan Anda dikembalikan ke formulir. Jika formulir itu disimpan, versi yang berlaku sekarang akan diganti.",
      discard: "Buang perubahan saya dan buka versi yang berlaku",
      revised:
        "Perubahan Anda sudah kembali di formulir. Jika disimpan sekarang, versi yang disimpan pengguna lain akan diganti.",
      empty: "(kosong)",
    },
  },
  validation: {
    required: "Kolom ini wajib diisi.",
    email: "Masukkan alamat email yang valid.",
    tooShort: "Masukkan minimal {{min}} karakter.",
    tooLong: "Masukkan maksimal {{max}} karakter.",
    invalidChoice: "Pilih salah satu pilihan.",
    invalid: "Nilai ini tidak valid.",
    controlCharacters: "Hapus karakter kontrol tak terlihat dari kolom ini.",
    dateRange: "Masukkan tanggal yang benar antara tahun 1900 dan 2100.",
    formErrors: "Perbaiki kolom yang ditandai di bawah.",
    lineBreak: "Tulis dalam satu baris, tanpa baris baru.",
  },
  request: {
    tooLarge: "Formulir ini terlalu besar untuk dikirim (maksimal {{limit}}). Persingkat isian Anda lalu coba lagi.",
    unsupportedType: "Alamat ini hanya menerima formulir (application/x-www-form-urlencoded atau multipart/form-data).",
    malformed: "Formulir tidak dapat dibaca. Muat ulang halaman lalu coba lagi.",
    tooManyValues: "Formulir mengulang kolom {{name}} terlalu sering (maksimal {{max}} kali).",
    noFiles: "Formulir ini tidak menerima berkas.",
    methodNotAllowed: "Alamat ini tidak menerima permintaan {{method}}.",
    badHost: "Permintaan ini tidak menyebut host yang valid.",
  },
  errors: {
    title: "Terjadi kesalahan",
    notFound: "Halaman tidak ditemukan",
    notFoundText: "Kami tidak dapat menemukan halaman yang Anda minta.",
    forbidden: "Tidak diizinkan",
    forbiddenText: "Akun Anda tidak memiliki akses ke halaman ini.",
    generic: "Terjadi kesalahan yang tidak terduga. Silakan coba lagi.",
    refused: "Permintaan tidak diterima",
    backHome: "Kembali ke beranda",
    unavailable: "Layanan sedang tidak tersedia sebentar",
    unavailableText:
      "Jembatan belum dapat menjangkau basis datanya saat ini. Tidak ada yang hilang dari yang sudah Anda simpan; silakan coba lagi dalam beberapa detik.",
  },
  footer: {
    about: "Jembatan mendukung kerja sama antarnegara mitra di bidang pelayanan publik.",
    sources: "Setiap fakta yang ditampilkan mencantumkan sumber terbitannya.",
  },
};
