export const documents = {
  title: "Sənədlər",
  none: "Əlavə edilmiş sənəd yoxdur.",
  uploadTitle: "Sənəd əlavə edin",
  file: "Fayl",
  fileHint:
    "PDF, şəkil (PNG, JPEG, GIF və ya WebP) və ya ofis faylı (Word, Excel, PowerPoint və ya OpenDocument), ən çoxu 10 MB.",
  documentTitle: "Adı",
  upload: "Yüklə və əlavə et",
  detach: "Sil",
  kilobytes: "{{size}} KB",
  megabytes: "{{size}} MB",
  uploaded: "Sənəd əlavə edildi.",
  detached: "Sənəd silindi.",
  missingFile: "Yükləmək üçün fayl seçin.",
  empty: "Fayl boşdur.",
  tooLarge: "Bu fayl çox böyükdür: ən çoxu {{limit}}.",
  typeRefused:
    "Bu növ fayl qəbul edilmir. PDF, PNG, JPEG, GIF və ya WebP şəkli, yaxud Word, Excel, PowerPoint və ya OpenDocument faylı yükləyin.",
  titleTooLong: "Ad ən çoxu {{max}} simvoldan ibarət ola bilər.",
  recordGone: "Bu sənədin əlavə ediləcəyi qeyd artıq mövcud deyil.",
  notAttached: "Bu sənəd bu qeydə əlavə edilməyib.",
};
