export const visitLinks = {
  heading: "Sistemə daxil olmadan açılan keçidlər",
  calendarHeading: "Təqvim tətbiqində abunə olun",
  calendarHelp:
    "Təqvim tətbiqi sistemə daxil ola bilməz: ona bu gizli ünvanı verin və o, proqramı aktual saxlayacaq. Ünvanı bilən hər kəs proqramı oxuya bilər, buna görə onu başqalarına verməyin.",
  calendarLive: "Siz {{when}} tarixində abunə keçidi yaratmısınız; o, {{until}} tarixinədək işləyir.",
  calendarNone: "Bu təqvim üçün abunə keçidiniz yoxdur.",
  makeCalendar: "Abunə keçidi yarat",
  makeNew: "Yeni keçid yarat",
  makeNewHint: "Yeni keçid köhnəsini dərhal dayandırır.",
  stop: "Keçidi dayandır",
  made: "Yeni keçidiniz. Onu indi kopyalayın: yalnız bir dəfə göstərilir.",
  address: "Keçidin ünvanı",
  memberHeading: "{{name}} üçün şəxsi brifinq keçidi",
  memberHelp:
    "Hesabı olmayan üzv brifinqin hər təqdimatı ilə şəxsi keçid alır: keçid sistemə daxil olmadan onun öz versiyasını yalnız oxumaq üçün açır.",
  memberLive: "{{when}} tarixində yaradılıb; {{until}} tarixinədək işləyir.",
  memberNone: "Açıq şəxsi keçid yoxdur.",
  makeMember: "Şəxsi keçid yarat",
  stopped: "Keçid artıq işləmir.",
  shared:
    "Şəxsi brifinqiniz. Xahiş edirik, bu səhifənin ünvanını başqalarına göndərməyin: o, sistemə daxil olmadan açılır.",
};
