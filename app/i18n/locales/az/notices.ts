export const notices = {
  follow: {
    follow: "İzlə",
    unfollow: "İzləməni dayandır",
    followHint: "İzləsəniz, buradakı dəyişikliklər həftəlik e-poçt xülasənizə daxil ediləcək.",
    followingHint: "Siz bunu izləyirsiniz. Dəyişikliklər həftəlik e-poçt xülasənizə daxil edilir.",
  },
  preferences: {
    title: "E-poçt bildirişləri",
    intro: "Bunların hər biri siz söndürənə qədər aktivdir.",
    remindActivities: "Tədbir xatırlatmaları",
    remindActivitiesHint:
      "Təşkilatınızın təşkil etdiyi və ya əməkdaşlarından birinin iştirak etdiyi tədbirdən 7 gün və 1 gün əvvəl.",
    remindCommitments: "Öhdəliklərin icra müddətləri",
    remindCommitmentsHint:
      "Əlaqələndiricisi təşkilatınızda çalışan öhdəliyin icra müddətinə 14 gün qaldıqda və müddət keçdikdə.",
    remindFollowUps: "Növbəti addımlar üzrə xatırlatmalar",
    remindFollowUpsHint: "Cavabdeh olduğunuz səfərdən sonrakı addımın müddətinə 3 gün qaldıqda və müddət keçdikdə.",
    weeklyDigest: "Həftəlik xülasə",
    weeklyDigestHint: "Bazar ertəsi, saat qurşağınız üzrə 08:00-da: izlədiyiniz qeydlərdə nələrin dəyişdiyi.",
    notifyEnquiries: "Kitabxanadan gələn sorğular",
    notifyEnquiriesHint: "Ziyarətçi kitabxanadakı bir nümunə üzrə bilik mübadiləsi sessiyası istədikdə.",
    save: "E-poçt bildirişlərini saxla",
  },
  kinds: {
    activities: "tədbir xatırlatmaları",
    commitments: "öhdəliklərin icra müddəti bildirişləri",
    digest: "həftəlik xülasə",
    followups: "növbəti addımlar üzrə xatırlatmalar",
    enquiries: "kitabxana sorğuları barədə bildirişlər",
  },
  unsubscribe: {
    title: "Abunəlikdən imtina",
    text: "Hesabınız üçün bu göndərişlər dayandırılsın: {{what}}?",
    button: "Abunəlikdən imtina et",
    done: "Hazırdır: bundan sonra sizə göndərilməyəcək: {{what}}.",
    again: "Onları hesab səhifənizdəki «E-poçt bildirişləri» bölməsində yenidən aktivləşdirə bilərsiniz.",
    invalid:
      "Bu abunəlikdən imtina keçidi etibarlı deyil. E-poçt bildirişlərini hesab səhifənizdəki «E-poçt bildirişləri» bölməsində söndürün.",
  },
};
