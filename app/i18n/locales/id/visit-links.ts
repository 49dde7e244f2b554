import type { Translation } from "../en";

export const visitLinks: Translation["visitLinks"] = {
  heading: "Tautan yang terbuka tanpa masuk",
  calendarHeading: "Berlangganan di aplikasi kalender",
  calendarHelp:
    "Aplikasi kalender tidak dapat masuk: berikan alamat rahasia ini dan aplikasi akan memperbarui program dengan sendirinya. Siapa pun yang memiliki alamat ini dapat membaca program, jadi simpan untuk Anda sendiri.",
  calendarLive: "Anda membuat tautan langganan pada {{when}}; tautan berlaku sampai {{until}}.",
  calendarNone: "Anda belum memiliki tautan langganan untuk kalender ini.",
  makeCalendar: "Buat tautan langganan",
  makeNew: "Buat tautan baru",
  makeNewHint: "Tautan baru langsung menghentikan tautan lama.",
  stop: "Hentikan tautan",
  made: "Tautan baru Anda. Salin sekarang: tautan ini hanya ditampilkan sekali.",
  address: "Alamat tautan",
  memberHeading: "Tautan pengarahan pribadi untuk {{name}}",
  memberHelp:
    "Anggota tanpa akun menerima tautan pribadi pada setiap penerbitan pengarahan: tautan itu membuka versinya sendiri, hanya untuk dibaca, tanpa masuk.",
  memberLive: "Dibuat pada {{when}}; berlaku sampai {{until}}.",
  memberNone: "Tidak ada tautan pribadi yang terbuka.",
  makeMember: "Buat tautan pribadi",
  stopped: "Tautan tidak berlaku lagi.",
  shared: "Pengarahan pribadi Anda. Mohon jangan teruskan alamat halaman ini: halaman ini terbuka tanpa masuk.",
};
