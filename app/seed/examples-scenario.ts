// The demo's example scenario as plain data, dated relative to `today`: the sourced history stops
// in mid-2024, so without it the demo's dashboard shows nothing in force, nothing coming and an
// empty chart. Pure (no database, no clock), so it can be checked on any date.
import type { ActivityMode, ActivityStatus, ActivityType, CommitmentStatus } from "../lib/enums";
import type { LocalizedText } from "../lib/localized";
import { addDays } from "../lib/calendar-days";

/** Which of the partnership's countries: the first (home, the demo accounts' side) or the other. */
export type Side = "home" | "partner";

export interface ExampleCommitment {
  key: string;
  text: LocalizedText;
  area: string;
  dueOn: string;
  /** The latest assessment's rating; "not_assessed" has none. */
  status: CommitmentStatus;
  /** What the rating rests on, and when it was made: every rated commitment has both. */
  assessment: { assessedOn: string; evidence: LocalizedText } | null;
}

export interface ExampleActivity {
  key: string;
  type: Exclude<ActivityType, "visit">;
  title: LocalizedText;
  description: LocalizedText;
  /** All-day, from this date for `days` days. */
  startsOn: string;
  days: number;
  status: ActivityStatus;
  mode: ActivityMode;
  country: Side;
  /** Under the example plan (true), or before it came into force (under its parent, if any). */
  inPlan: boolean;
  commitments: string[];
}

export interface ExamplePerson {
  key: string;
  name: string;
  position: LocalizedText;
  role: "head" | "member";
}

export interface ExampleItineraryItem {
  /** Days after the visit's first day. */
  day: number;
  from: string;
  to: string;
  title: LocalizedText;
}

export interface ExampleFollowUp {
  title: LocalizedText;
  dueOn: string;
  status: "open" | "done";
  commitments: string[];
}

export interface ExampleScenario {
  /** The date the scenario is dated from; the demo re-dates it when this grows old. */
  anchor: string;
  plan: {
    title: LocalizedText;
    summary: LocalizedText;
    signedOn: string;
    inForceFrom: string;
    inForceUntil: string;
  };
  commitments: ExampleCommitment[];
  activities: ExampleActivity[];
  people: ExamplePerson[];
  visit: {
    title: LocalizedText;
    objectives: LocalizedText;
    startsOn: string;
    days: number;
    commitments: string[];
    itinerary: ExampleItineraryItem[];
    followUps: ExampleFollowUp[];
  };
}

/** The slug prefix of every example record: their addresses say what they are. */
export const exampleSlugPrefix = "example-";

const ex = (en: string, id: string, az: string): LocalizedText => ({
  en: `Example: ${en}`,
  id: `Contoh: ${id}`,
  az: `Nümunə: ${az}`,
});

const commitments = (t: (days: number) => string): ExampleCommitment[] => [
  {
    key: "focal-points",
    text: ex(
      "name a focal point on each side for the plan",
      "menunjuk narahubung di setiap pihak untuk rencana ini",
      "plan üzrə hər tərəfdən əlaqələndirici şəxs təyin etmək",
    ),
    area: "coordination",
    dueOn: t(-90),
    status: "complete",
    assessment: {
      assessedOn: t(-100),
      evidence: ex(
        "the exchange of letters naming both focal points.",
        "surat-menyurat yang menunjuk kedua narahubung.",
        "hər iki əlaqələndirici şəxsi təyin edən məktub mübadiləsi.",
      ),
    },
  },
  {
    key: "service-standards-workshops",
    text: ex(
      "hold a joint workshop on service standards each quarter",
      "menyelenggarakan lokakarya bersama tentang standar pelayanan setiap triwulan",
      "hər rüb xidmət standartları üzrə birgə seminar keçirmək",
    ),
    area: "workshops",
    dueOn: t(240),
    status: "substantial",
    assessment: {
      assessedOn: t(-8),
      evidence: ex(
        "minutes and attendance lists of the plan's workshops so far.",
        "notulen dan daftar hadir lokakarya rencana aksi sejauh ini.",
        "planın indiyədək keçirilmiş seminarlarının protokolları və iştirakçı siyahıları.",
      ),
    },
  },
  {
    key: "satisfaction-surveys",
    text: ex(
      "compare the methods of the two sides' customer-satisfaction surveys",
      "membandingkan metode survei kepuasan masyarakat kedua pihak",
      "iki tərəfin vətəndaş məmnunluğu sorğularının metodlarını müqayisə etmək",
    ),
    area: "knowledge_sharing",
    dueOn: t(150),
    status: "substantial",
    assessment: {
      assessedOn: t(-45),
      evidence: ex(
        "both survey questionnaires, shared and annotated.",
        "kuesioner survei kedua pihak, dibagikan dan diberi catatan.",
        "hər iki sorğu anketi, paylaşılmış və şərhlərlə.",
      ),
    },
  },
  {
    key: "queue-management-training",
    text: ex(
      "train frontline staff of two service centres in queue management",
      "melatih petugas layanan di dua pusat layanan tentang manajemen antrean",
      "iki xidmət mərkəzinin ön xətt əməkdaşlarına növbənin idarə edilməsi üzrə təlim keçmək",
    ),
    area: "training",
    dueOn: t(-12),
    status: "limited",
    assessment: {
      assessedOn: t(-20),
      evidence: ex(
        "the training outline; the sessions themselves have not taken place.",
        "kerangka pelatihan; sesinya sendiri belum berlangsung.",
        "təlimin planı; məşğələlərin özü hələ keçirilməyib.",
      ),
    },
  },
  {
    key: "accessible-design",
    text: ex(
      "share guidance on accessible service-centre design",
      "berbagi panduan desain pusat layanan yang ramah disabilitas",
      "əlçatan xidmət mərkəzi dizaynı üzrə tövsiyələri bölüşmək",
    ),
    area: "knowledge_sharing",
    dueOn: t(200),
    status: "limited",
    assessment: {
      assessedOn: t(-30),
      evidence: ex(
        "a first draft of the guidance, circulated for comment.",
        "draf pertama panduan, diedarkan untuk dimintai tanggapan.",
        "tövsiyələrin rəy üçün paylanmış ilk layihəsi.",
      ),
    },
  },
  {
    key: "glossary",
    text: ex(
      "publish a shared glossary of public-service terms",
      "menerbitkan glosarium bersama istilah pelayanan publik",
      "dövlət xidməti terminlərinin ortaq lüğətini dərc etmək",
    ),
    area: "knowledge_sharing",
    dueOn: t(300),
    status: "not_started",
    assessment: {
      assessedOn: t(-15),
      evidence: ex(
        "the focal points' report says no work has begun.",
        "laporan narahubung menyebutkan pekerjaan belum dimulai.",
        "əlaqələndirici şəxslərin hesabatına görə iş hələ başlanmayıb.",
      ),
    },
  },
  {
    key: "study-visit",
    text: ex(
      "receive a study visit to the home side's service centres",
      "menerima kunjungan studi ke pusat-pusat layanan pihak tuan rumah",
      "ev sahibi tərəfin xidmət mərkəzlərinə tədris səfərini qəbul etmək",
    ),
    area: "visits",
    dueOn: t(60),
    status: "not_assessed",
    assessment: null,
  },
  {
    key: "complaints-dashboard",
    text: ex(
      "pilot a shared dashboard of complaint handling times",
      "mengujicobakan dasbor bersama waktu penanganan pengaduan",
      "şikayətlərə baxılma müddətləri üzrə ortaq paneli sınaqdan keçirmək",
    ),
    area: "service_delivery",
    dueOn: t(330),
    status: "not_assessed",
    assessment: null,
  },
];

type Session = [
  key: string,
  offset: number,
  type: ExampleActivity["type"],
  en: string,
  id: string,
  az: string,
  commitments: string[],
];

/**
 * Sessions 10 to 320 days back (no gap of more than 50 days, so each of the last four quarters
 * has some) and in the coming weeks (so the next 30 days always do); those from before the plan
 * came into force belong to the agreement it implements.
 */
const sessions: Session[] = [
  [
    "survey-methods-online",
    -320,
    "knowledge_sharing",
    "survey methods exchange",
    "pertukaran metode survei",
    "sorğu metodları üzrə təcrübə mübadiləsi",
    [],
  ],
  [
    "mall-managers-meeting",
    -275,
    "meeting",
    "meeting of service-centre managers",
    "pertemuan pengelola pusat layanan",
    "xidmət mərkəzi rəhbərlərinin görüşü",
    [],
  ],
  [
    "plan-drafting-workshop",
    -230,
    "workshop",
    "workshop drafting the action plan",
    "lokakarya penyusunan rencana aksi",
    "fəaliyyət planının hazırlanması üzrə seminar",
    [],
  ],
  [
    "digital-queue-session",
    -185,
    "knowledge_sharing",
    "session on digital queues",
    "sesi tentang antrean digital",
    "elektron növbələr üzrə sessiya",
    [],
  ],
  [
    "plan-preparation-meeting",
    -140,
    "meeting",
    "meeting to prepare the plan",
    "pertemuan persiapan rencana aksi",
    "planın hazırlanması üzrə görüş",
    [],
  ],
  [
    "service-standards-workshop-1",
    -95,
    "workshop",
    "first workshop on service standards",
    "lokakarya pertama tentang standar pelayanan",
    "xidmət standartları üzrə birinci seminar",
    ["service-standards-workshops"],
  ],
  [
    "survey-comparison-session",
    -50,
    "knowledge_sharing",
    "comparing satisfaction surveys",
    "membandingkan survei kepuasan",
    "məmnunluq sorğularının müqayisəsi",
    ["satisfaction-surveys"],
  ],
  [
    "service-standards-workshop-2",
    -10,
    "workshop",
    "second workshop on service standards",
    "lokakarya kedua tentang standar pelayanan",
    "xidmət standartları üzrə ikinci seminar",
    ["service-standards-workshops"],
  ],
  [
    "accessible-design-session",
    6,
    "knowledge_sharing",
    "session on accessible service centres",
    "sesi tentang pusat layanan yang ramah disabilitas",
    "əlçatan xidmət mərkəzləri üzrə sessiya",
    ["accessible-design"],
  ],
  [
    "queue-management-training",
    13,
    "training",
    "queue-management training for frontline staff",
    "pelatihan manajemen antrean bagi petugas layanan",
    "ön xətt əməkdaşları üçün növbənin idarə edilməsi təlimi",
    ["queue-management-training"],
  ],
  [
    "service-standards-workshop-3",
    48,
    "workshop",
    "third workshop on service standards",
    "lokakarya ketiga tentang standar pelayanan",
    "xidmət standartları üzrə üçüncü seminar",
    ["service-standards-workshops"],
  ],
];

/** How many days before `today` the example plan came into force. */
const planAgeDays = 120;

/** The scenario dated from `today` (YYYY-MM-DD, UTC). */
export function exampleScenario(today: string): ExampleScenario {
  const t = (days: number) => addDays(today, days);
  const visitStart = 24;
  return {
    anchor: today,
    plan: {
      title: ex(
        "action plan on service standards",
        "rencana aksi tentang standar pelayanan",
        "xidmət standartları üzrə fəaliyyət planı",
      ),
      summary: ex(
        "a made-up plan that shows how the product follows a plan in force: workshops, knowledge sharing and a study visit, with commitments at every stage. It is dated from the day the demo was started and is not part of the sourced record.",
        "rencana rekaan yang memperlihatkan cara produk ini mengikuti rencana yang berlaku: lokakarya, berbagi pengetahuan, dan kunjungan studi, dengan komitmen di setiap tahap. Tanggalnya dihitung dari hari demo dijalankan dan bukan bagian dari catatan bersumber.",
        "məhsulun qüvvədə olan planı necə izlədiyini göstərən uydurma plan: seminarlar, bilik mübadiləsi və tədris səfəri, hər mərhələdə öhdəliklərlə. Tarixləri demonun işə salındığı gündən hesablanır və mənbələrə əsaslanan qeydlərin hissəsi deyil.",
      ),
      signedOn: t(-planAgeDays),
      inForceFrom: t(-planAgeDays),
      inForceUntil: t(365),
    },
    commitments: commitments(t),
    activities: sessions.map(([key, offset, type, en, id, az, linked]) => ({
      key,
      type,
      title: ex(en, id, az),
      description: ex(
        "a made-up session of the demo's example plan.",
        "sesi rekaan dari rencana aksi contoh dalam demo.",
        "demonun nümunə planının uydurma sessiyası.",
      ),
      startsOn: t(offset),
      days: type === "workshop" ? 2 : 1,
      status: offset < 0 ? "completed" : "confirmed",
      mode: type === "knowledge_sharing" ? "online" : "in_person",
      country: offset % 2 === 0 ? "home" : "partner",
      inPlan: offset >= -planAgeDays,
      commitments: linked,
    })),
    people: [
      {
        key: "dana",
        name: "Dana Example",
        position: {
          en: "Head of the example delegation",
          id: "Ketua delegasi contoh",
          az: "Nümunə nümayəndə heyətinin rəhbəri",
        },
        role: "head",
      },
      {
        key: "kiran",
        name: "Kiran Example",
        position: {
          en: "Service-centre manager (example)",
          id: "Pengelola pusat layanan (contoh)",
          az: "Xidmət mərkəzinin rəhbəri (nümunə)",
        },
        role: "member",
      },
      {
        key: "noor",
        name: "Noor Example",
        position: {
          en: "Quality officer (example)",
          id: "Petugas mutu (contoh)",
          az: "Keyfiyyət üzrə mütəxəssis (nümunə)",
        },
        role: "member",
      },
    ],
    visit: {
      title: ex(
        "study visit to service centres",
        "kunjungan studi ke pusat-pusat layanan",
        "xidmət mərkəzlərinə tədris səfəri",
      ),
      objectives: ex(
        "see how the home side's service centres set and publish their service standards.",
        "melihat cara pusat-pusat layanan pihak tuan rumah menetapkan dan mengumumkan standar pelayanannya.",
        "ev sahibi tərəfin xidmət mərkəzlərinin xidmət standartlarını necə müəyyən edib dərc etdiyini görmək.",
      ),
      startsOn: t(visitStart),
      days: 3,
      commitments: ["study-visit"],
      itinerary: [
        {
          day: 0,
          from: "09:00",
          to: "11:00",
          title: ex("welcome and briefing", "sambutan dan pengarahan", "qarşılanma və brifinq"),
        },
        {
          day: 0,
          from: "13:00",
          to: "16:00",
          title: ex("tour of a service centre", "kunjungan ke pusat layanan", "xidmət mərkəzinə baxış"),
        },
        {
          day: 1,
          from: "09:00",
          to: "12:00",
          title: ex("service-standards workshop", "lokakarya standar pelayanan", "xidmət standartları üzrə seminar"),
        },
        { day: 2, from: "10:00", to: "12:00", title: ex("wrap-up meeting", "pertemuan penutup", "yekun görüş") },
      ],
      followUps: [
        {
          title: ex(
            "send the draft programme to the delegation",
            "mengirim rancangan acara kepada delegasi",
            "proqramın layihəsini nümayəndə heyətinə göndərmək",
          ),
          dueOn: t(-3),
          status: "open",
          commitments: ["study-visit"],
        },
        {
          title: ex("book the interpreters", "memesan juru bahasa", "tərcüməçiləri sifariş etmək"),
          dueOn: t(10),
          status: "open",
          commitments: [],
        },
        {
          title: ex(
            "confirm the delegation's names",
            "mengonfirmasi nama anggota delegasi",
            "nümayəndə heyəti üzvlərinin adlarını təsdiqləmək",
          ),
          dueOn: t(-14),
          status: "done",
          commitments: [],
        },
      ],
    },
  };
}
