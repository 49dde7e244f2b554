import type { Translation } from "../en";

// Tərəfdaşların bilik mübadiləsi sessiyası üçün sorğuları: nümunə səhifəsindəki forma və heyətin gələn qutusu.
export const enquiries: Translation["enquiries"] = {
  title: "Sorğular",
  intro:
    "Tərəfdaşların kitabxananın nümunə səhifələrindən göndərdiyi bilik mübadiləsi sessiyası sorğuları. Göndərənlərin məlumatları şəxsi məlumatlardır: yalnız heyət daxilində qalır.",
  form: {
    title: "Bu innovasiya üzrə bilik mübadiləsi sessiyası tələb edin",
    intro:
      "Kim olduğunuzu və bu innovasiyadan nə öyrənmək istədiyinizi bildirin. Hesab tələb olunmur: əməkdaşlığın heyəti e-poçtla cavab verir.",
    name: "Adınız",
    organization: "Təşkilat",
    country: "Ölkə",
    email: "E-poçt",
    message: "Nə öyrənmək istərdiniz?",
    messageHint: "10 ilə {{max}} simvol arasında.",
    trap: "Bu sahəni boş saxlayın",
    privacy:
      "Məlumatlarınız yalnız bu sorğuya cavab vermək üçün istifadə olunur və yalnız əməkdaşlığın heyəti tərəfindən görülür, heç vaxt dərc edilmir.",
    submit: "Sorğunu göndər",
  },
  sentTitle: "Təşəkkür edirik: sorğunuz göndərildi",
  sentText:
    "Əməkdaşlığın heyəti onu oxuyacaq və sizə e-poçtla cavab verəcək. Göstərdiyiniz ünvana qəbul təsdiqi göndərilir.",
  backToCase: "“{{title}}” səhifəsinə qayıt",
  rateLimited:
    "Buradan və ya bu ünvan üçün həddən artıq çox sorğu göndərilib. {{minutes}} dəqiqə gözləyin və yenidən cəhd edin.",
  planThroughActivity: "Sorğu ondan tədbir planlaşdırıldıqda “tədbir planlaşdırılıb” statusunu alır.",
  alreadyPlanned: "Bu sorğu əsasında artıq tədbir planlaşdırılıb.",
  caseGone: "Bu sorğunun aid olduğu nümunə artıq mövcud deyil, buna görə ondan tədbir planlaşdırıla bilməz.",
  activityTitle: "Bilik mübadiləsi sessiyası: {{title}}",
  activityDescription: "Tərəfdaş tərəfindən kitabxana vasitəsilə tələb edilib (sorğu {{id}}).",
  list: {
    status: "Status",
    all: "Hamısı",
    show: "Göstər",
    received: "Daxil olub",
    case: "Nümunə",
    from: "Göndərən",
    empty: "Burada sorğu yoxdur.",
    count_one: "{{count}} sorğu",
    count_other: "{{count}} sorğu",
    pages: "Sorğuların səhifələri",
  },
  detail: {
    title: "{{name}} tərəfindən göndərilmiş sorğu",
    back: "Sorğulara qayıt",
    received: "Daxil olub",
    case: "Nümunə",
    noCase: "Nümunə silinib.",
    unpublished: "dərc edilməyib",
    organization: "Təşkilat",
    country: "Ölkə",
    email: "E-poçt",
    message: "Mesaj",
    language: "Səhifənin dili",
    status: "Status",
    handledBy: "Sonuncu dəfə baxan",
    activity: "Planlaşdırılmış tədbir",
    changeStatus: "Statusu dəyişin",
    newStatus: "Yeni status",
    changeButton: "Statusu dəyiş",
    plan: "Tədbir planlaşdırın",
    planHint:
      "Bu nümunə üzrə ona bağlı planlaşdırılmış bilik mübadiləsi tədbiri yaradır və tarixi və digər məlumatları daxil etmək üçün onun formasını açır.",
    planButton: "Tədbir planlaşdır",
    conflict: "Bu arada başqa biri bu sorğunu dəyişib.",
    conflictTitle: "Siz baxarkən başqa biri bu sorğunu dəyişdi",
  },
  saved: "Sorğu yeniləndi.",
  planned: "Sorğu əsasında tədbir planlaşdırıldı. Onun tarixini və təfərrüatlarını daxil edin, sonra yadda saxlayın.",
  shared: {
    title: "Bu tədbirlərdə paylaşılıb",
    intro: "Bu innovasiyadan əldə edilən dərslərin paylaşıldığı əməkdaşlıq çərçivəsində bilik mübadiləsi tədbirləri.",
  },
};
