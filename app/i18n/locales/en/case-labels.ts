/** Labels of the library's value lists (lib/enums.ts). */
export const caseLabels = {
  caseSector: {
    public_service_delivery: "Public service delivery",
    digital_government: "Digital government",
    health: "Health",
    education: "Education",
    social_protection: "Social protection",
    civil_registration: "Civil registration",
    business_licensing: "Business licensing",
    other: "Other",
  },
  adminLevel: {
    national: "National",
    provincial: "Provincial",
    regency_city: "Regency or city",
    village: "Village",
    other: "Other",
  },
  awardKey: { unpsa: "UN Public Service Award", other: "Other award" },
  caseLinkStatus: { planned: "Planned", running: "Running", stopped: "Stopped" },
  enquiryStatus: { new: "New", in_progress: "In progress", planned: "Activity planned", closed: "Closed" },
};
