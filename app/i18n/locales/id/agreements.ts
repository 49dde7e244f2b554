import type { Translation } from "../en";

export const agreements: Translation["agreements"] = {
  title: "Perjanjian",
  kind: "Jenis",
  signedOn: "Ditandatangani pada",
  signedIn: "Ditandatangani di {{city}}",
  period: "Masa berlaku",
  status: "Status",
  parent: "Melanjutkan",
  commitments: "Komitmen",
  signatories: "Penanda tangan",
  progress: "Kemajuan",
  none: "Belum ada perjanjian.",
};
