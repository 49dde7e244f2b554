import type { Translation } from "../en";

export const dashboard: Translation["dashboard"] = {
  title: "Dasbor",
  welcome: "Selamat datang, {{name}}",
  agreements: "Perjanjian",
  agreementsCount_one: "{{count}} perjanjian",
  agreementsCount_other: "{{count}} perjanjian",
  commitmentsByStatus: "Komitmen menurut status",
  upcoming: "Kegiatan mendatang",
  noUpcoming: "Belum ada kegiatan yang direncanakan.",
  recent: "Kegiatan terbaru",
  total: "Jumlah",
  inForce: "Berlaku {{from}} – {{until}}",
  inForceFrom: "Berlaku sejak {{from}}",
};
