import type { Translation } from "../en";

export const notices: Translation["notices"] = {
  follow: {
    follow: "Ikuti",
    unfollow: "Berhenti mengikuti",
    followHint: "Ikuti untuk menerima perubahannya dalam ringkasan email mingguan Anda.",
    followingHint: "Anda mengikuti ini. Perubahannya masuk ke ringkasan email mingguan Anda.",
  },
  preferences: {
    title: "Pemberitahuan email",
    intro: "Setiap pemberitahuan aktif sampai Anda mematikannya.",
    remindActivities: "Pengingat kegiatan",
    remindActivitiesHint:
      "7 hari dan 1 hari sebelum kegiatan yang diselenggarakan organisasi Anda atau diikuti salah satu orangnya.",
    remindCommitments: "Tenggat komitmen",
    remindCommitmentsHint:
      "Saat komitmen yang narahubungnya bekerja di organisasi Anda jatuh tempo dalam 14 hari, dan saat komitmen itu melewati tenggat.",
    remindFollowUps: "Pengingat tindak lanjut",
    remindFollowUpsHint: "3 hari sebelum tenggat tindak lanjut kunjungan yang Anda tangani, dan saat tenggatnya lewat.",
    weeklyDigest: "Ringkasan mingguan",
    weeklyDigestHint: "Setiap Senin pukul 08.00 di zona waktu Anda: apa yang berubah pada catatan yang Anda ikuti.",
    notifyEnquiries: "Permintaan dari pustaka",
    notifyEnquiriesHint: "Saat pengunjung meminta sesi berbagi pengetahuan tentang sebuah kasus di pustaka.",
    save: "Simpan pemberitahuan email",
  },
  kinds: {
    activities: "pengingat kegiatan",
    commitments: "pemberitahuan tenggat komitmen",
    digest: "ringkasan mingguan",
    followups: "pengingat tindak lanjut",
    enquiries: "pemberitahuan permintaan dari pustaka",
  },
  unsubscribe: {
    title: "Berhenti berlangganan",
    text: "Hentikan {{what}} untuk akun Anda?",
    button: "Berhenti berlangganan",
    done: "Selesai: Anda tidak akan lagi menerima {{what}}.",
    again: "Anda dapat mengaktifkannya kembali di bagian Pemberitahuan email pada halaman akun Anda.",
    invalid:
      "Tautan berhenti berlangganan ini tidak sah. Matikan pemberitahuan di bagian Pemberitahuan email pada halaman akun Anda.",
  },
};
