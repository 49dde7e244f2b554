/** Labels of the library's value lists (lib/enums.ts). */
export const caseLabels = {
  caseSector: {
    public_service_delivery: "Pelayanan publik",
    digital_government: "Pemerintahan digital",
    health: "Kesehatan",
    education: "Pendidikan",
    social_protection: "Perlindungan sosial",
    civil_registration: "Administrasi kependudukan",
    business_licensing: "Perizinan berusaha",
    other: "Lainnya",
  },
  adminLevel: {
    national: "Nasional",
    provincial: "Provinsi",
    regency_city: "Kabupaten/kota",
    village: "Desa",
    other: "Lainnya",
  },
  awardKey: { unpsa: "Penghargaan Pelayanan Publik PBB (UNPSA)", other: "Penghargaan lain" },
  caseLinkStatus: { planned: "Direncanakan", running: "Berjalan", stopped: "Berhenti" },
  enquiryStatus: { new: "Baru", in_progress: "Sedang ditangani", planned: "Kegiatan direncanakan", closed: "Ditutup" },
};
