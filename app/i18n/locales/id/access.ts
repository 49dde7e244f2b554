import type { Translation } from "../en";

export const access: Translation["access"] = {
  inviteTitle: "Undang pengguna",
  inviteHint: "Mereka menerima email berisi tautan untuk memilih kata sandi. Tautan berlaku sekali, selama 72 jam.",
  language: "Bahasa email",
  invite: "Kirim undangan",
  invited: "Undangan telah dikirim.",
  pendingTitle: "Undangan yang menunggu",
  pendingEmpty: "Tidak ada undangan yang menunggu diterima.",
  invitedAt: "Diundang",
  expiresAt: "Tautan berlaku sampai",
  expired: "Kedaluwarsa",
  actions: "Tindakan",
  resend: "Kirim ulang",
  resent: "Undangan baru telah dikirim; tautan sebelumnya tidak berlaku lagi.",
  revoke: "Tarik kembali",
  revoked: "Undangan ditarik kembali dan akun yang menunggunya dihapus.",
  notPending: "Undangan ini sudah diterima atau ditarik kembali.",

  acceptTitle: "Selamat datang di Jembatan",
  acceptIntro: "{{inviter}} mengundang {{name}} ({{email}}) sebagai {{role}}. Pilih kata sandi untuk menyelesaikan.",
  acceptIntroNoInviter: "{{name}} ({{email}}) diundang sebagai {{role}}. Pilih kata sandi untuk menyelesaikan.",
  password: "Kata sandi",
  passwordHint: "Minimal 12 karakter.",
  confirmPassword: "Ulangi kata sandi",
  passwordMismatch: "Kedua kata sandi berbeda.",
  accept: "Tetapkan kata sandi dan masuk",
  welcome: "Selamat datang! Kata sandi Anda sudah ditetapkan dan Anda sudah masuk.",

  linkGoneTitle: "Tautan ini tidak berlaku lagi",
  invitationGoneText:
    "Undangan sudah kedaluwarsa, sudah dipakai, atau ditarik kembali. Minta administrator mengirim undangan baru.",
  resetGoneText: "Tautan sudah kedaluwarsa atau sudah dipakai. Anda dapat meminta tautan baru.",
  askAgain: "Minta tautan baru",

  forgotLink: "Lupa kata sandi?",
  forgotTitle: "Atur ulang kata sandi",
  forgotIntro: "Masukkan alamat email akun Anda. Kami mengirim tautan untuk memilih kata sandi baru.",
  send: "Kirim tautan",
  sent: "Jika {{email}} terdaftar sebagai akun, email berisi tautan untuk memilih kata sandi baru sedang dikirim. Tautan berlaku sekali, selama satu jam. Periksa juga folder spam.",
  rateLimited: "Terlalu banyak permintaan tautan. Tunggu {{minutes}} menit lalu coba lagi.",
  backToLogin: "Kembali ke halaman masuk",

  resetTitle: "Pilih kata sandi baru",
  resetIntro: "Untuk {{email}}. Menetapkannya mengeluarkan Anda dari semua perangkat.",
  resetSubmit: "Tetapkan kata sandi baru",
  passwordWasReset: "Kata sandi Anda telah diubah dan Anda sudah masuk. Semua perangkat lain telah dikeluarkan.",
};
