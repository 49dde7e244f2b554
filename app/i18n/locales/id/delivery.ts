import type { Translation } from "../en";

export const delivery: Translation["delivery"] = {
  reason: {
    bounced: "Email terpental",
    complained: "Dilaporkan sebagai spam",
  },
  since: "sejak {{date}}",
  explained:
    "Pemberitahuan tidak lagi dikirim ke alamat ini. Undangan dan pengaturan ulang kata sandi tetap dikirim, tetapi mungkin tidak sampai.",
  lift: "Kirim pemberitahuan lagi",
  lifted: "Pemberitahuan dikirim lagi ke alamat ini.",
  alreadyLifted: "Pemberitahuan ke alamat ini sudah dilanjutkan sebelumnya.",
  changed: "Alamat ini terpental atau dilaporkan lagi sementara itu. Periksa kembali lalu coba lagi.",
  webhook: {
    notConfigured: "Webhook belum dikonfigurasi di server ini.",
    badSignature: "Tanda tangan webhook tidak ada atau tidak sah.",
    malformed: "Isi webhook bukan peristiwa yang sah.",
    jsonOnly: "Alamat ini hanya menerima JSON (application/json).",
  },
};
