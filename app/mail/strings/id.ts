import type { MailStrings } from "./en";

export const mailId: MailStrings = {
  access: {
    copyLink: "Jika tombol tidak berfungsi, salin alamat ini ke peramban Anda:",
    greeting: "Halo {{name}},",
    invitationSubject: "Anda diundang ke {{app}}",
    invitationPreview: "{{inviter}} mengundang Anda ke {{app}}.",
    invitationText: "{{inviter}} mengundang Anda ke {{app}}, ruang kerja kerja sama ini, sebagai {{role}}.",
    invitationAction: "Pilih kata sandi Anda",
    invitationExpiry:
      "Tautan berlaku sekali, selama 72 jam. Jika sudah kedaluwarsa, minta undangan baru kepada {{inviter}}.",
    invitationIgnore: "Jika Anda tidak mengharapkan undangan ini, abaikan email ini.",
    resetSubject: "Atur ulang kata sandi {{app}} Anda",
    resetPreview: "Tautan untuk memilih kata sandi baru.",
    resetText: "Seseorang meminta pengaturan ulang kata sandi akun {{app}} Anda ({{email}}).",
    resetAction: "Pilih kata sandi baru",
    resetExpiry: "Tautan berlaku sekali, selama satu jam.",
    resetIgnore: "Jika Anda tidak memintanya, abaikan email ini: kata sandi Anda tetap seperti semula.",
    changedSubject: "Kata sandi {{app}} Anda telah diubah",
    changedPreview: "Kata sandi Anda diubah dan semua sesi dikeluarkan.",
    changedText: "Kata sandi akun {{app}} Anda ({{email}}) baru saja diubah, dan semua sesi telah dikeluarkan.",
    changedWarning:
      "Jika bukan Anda yang melakukannya, segera pilih kata sandi baru melalui halaman di bawah dan beri tahu administrator.",
    changedAction: "Atur ulang kata sandi saya",
  },
};
