export const caseLabels = {
  caseSector: {
    public_service_delivery: "Dövlət xidmətlərinin göstərilməsi",
    digital_government: "Rəqəmsal hökumət",
    health: "Səhiyyə",
    education: "Təhsil",
    social_protection: "Sosial müdafiə",
    civil_registration: "Vətəndaşlıq vəziyyəti aktlarının qeydiyyatı",
    business_licensing: "Sahibkarlıq fəaliyyətinin lisenziyalaşdırılması",
    other: "Digər",
  },
  adminLevel: {
    national: "Milli",
    provincial: "Əyalət",
    regency_city: "Rayon və ya şəhər",
    village: "Kənd",
    other: "Digər",
  },
  awardKey: { unpsa: "BMT-nin Dövlət Xidməti Mükafatı", other: "Digər mükafat" },
  caseLinkStatus: { planned: "Planlaşdırılıb", running: "Davam edir", stopped: "Dayandırılıb" },
  enquiryStatus: { new: "Yeni", in_progress: "İcradadır", planned: "Tədbir planlaşdırılıb", closed: "Bağlanıb" },
};
