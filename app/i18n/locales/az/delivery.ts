export const delivery = {
  reason: {
    bounced: "E-poçt çatdırılmayıb",
    complained: "Spam kimi bildirilib",
  },
  since: "{{date}} tarixindən",
  explained:
    "Bu ünvana bildirişlər artıq göndərilmir. Dəvətlər və parol bərpası keçidləri hələ də göndərilir, lakin çatmaya bilər.",
  lift: "Bildirişləri yenidən göndər",
  lifted: "Bildirişlər yenidən bu ünvana göndərilir.",
  alreadyLifted: "Bu ünvana bildirişlərin göndərilməsi artıq bərpa edilib.",
  changed: "Bu arada bu ünvandan yenidən çatdırılmama və ya şikayət bildirişi gəlib. Yoxlayıb yenidən cəhd edin.",
  webhook: {
    notConfigured: "Bu serverdə webhook-lar qurulmayıb.",
    badSignature: "Webhook imzası yoxdur və ya etibarlı deyil.",
    malformed: "Webhook məzmunu etibarlı hadisə deyil.",
    jsonOnly: "Bu ünvan yalnız JSON (application/json) qəbul edir.",
  },
};
