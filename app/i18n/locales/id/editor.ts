import type { Translation } from "../en";

export const editor: Translation["editor"] = {
  toolbar: "Pemformatan",
  bold: "Tebal",
  italic: "Miring",
  heading: "Judul",
  bulletList: "Daftar berpoin",
  numberedList: "Daftar bernomor",
  quote: "Kutipan",
  link: "Tautan",
  undo: "Urungkan",
  redo: "Ulangi",
  linkUrl: "Alamat tautan",
  linkHint: "Alamat web (https://…) atau alamat email.",
  linkApply: "Tambahkan tautan",
  linkInvalid: "Masukkan alamat web yang diawali https:// atau alamat email.",
  tooLong: "Teks ini terlalu panjang.",
  tooDeep:
    "Daftar dapat bertingkat paling banyak {{max}} tingkat. Naikkan beberapa butir satu tingkat, lalu simpan lagi.",
  invalid: "Teks ini tidak dapat dibaca. Silakan coba lagi.",
};
