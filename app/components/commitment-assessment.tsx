import { useTranslation } from "../i18n/translation";
import type { CommitmentStatus } from "../lib/enums";
import { localized, type LocalizedText } from "../lib/localized";
import type { SourceInfo } from "../lib/source-info";
import { useFormatter, useLanguage } from "../lib/use-formatter";
import { SourceLink } from "./source-link";
import { StatusBadge } from "./status-badge";

export interface AssessmentItem {
  id: number;
  status: CommitmentStatus;
  assessedOn: string;
  assessedBy: string | null;
  assessor: string | null;
  evidence: LocalizedText;
  source: (SourceInfo & { id: number }) | null;
}

/**
 * Where the commitment's status comes from: the latest assessment (who, when, on what evidence, and
 * the source that states it), then the earlier ones; editors' form to assess it again beneath.
 */
export function AssessmentSection({
  status,
  assessments,
  children,
}: {
  status: CommitmentStatus;
  assessments: AssessmentItem[];
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const [latest, ...earlier] = assessments;
  return (
    <section aria-labelledby="assessment-title">
      <h2 id="assessment-title">{t("commitments.assessment.title")}</h2>
      {latest ? (
        <Assessment assessment={latest} />
      ) : (
        <p className="muted">
          {t(status === "not_assessed" ? "commitments.assessment.none" : "commitments.assessment.unrecorded")}
        </p>
      )}
      {earlier.length ? (
        <>
          <h3>{t("commitments.assessment.history")}</h3>
          <ol className="assessment-history">
            {earlier.map((a) => (
              <li key={a.id}>
                <Assessment assessment={a} />
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {children}
    </section>
  );
}

function Assessment({ assessment: a }: { assessment: AssessmentItem }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const format = useFormatter();
  const who = a.assessor ?? a.assessedBy ?? t("commitments.assessment.someone");
  return (
    <div className="assessment">
      <p>
        <StatusBadge group="commitmentStatus" value={a.status} />{" "}
        <span className="meta">
          {t("commitments.assessment.by", { who, when: format.day(a.assessedOn) })}
          {a.assessor && a.assessedBy ? ` · ${t("commitments.assessment.recordedBy", { name: a.assessedBy })}` : null}
        </span>
      </p>
      <p className="assessment__evidence">
        <strong>{t("commitments.assessment.reasons")}:</strong> {localized(a.evidence, lang)}
      </p>
      {a.source ? (
        <p>
          <SourceLink source={a.source} />
        </p>
      ) : null}
    </div>
  );
}
