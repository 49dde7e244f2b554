import { useTranslation } from "../i18n/translation";
import { RecordText } from "../components/shown-text";
import { Link, useLocation } from "react-router";
import type { z } from "zod";
import type { Route } from "./+types/commitments.$id";
import { ConfirmationsSection } from "../components/commitment-confirmations";
import { EvidenceSection } from "../components/commitment-evidence";
import { ActivityLinks, CommitmentFacts } from "../components/commitment-facts";
import { PlainLinks } from "../components/plain-links";
import { FocalPointsSection } from "../components/commitment-focal-points";
import { FollowButton } from "../components/follow-button";
import { MilestonesSection } from "../components/commitment-milestones";
import type { CommitmentIntent } from "../components/commitment-section";
import { AssessForm } from "../components/commitment-assess-form";
import { AssessmentSection } from "../components/commitment-assessment";
import { SourceList } from "../components/source-list";
import { db } from "../db.server";
import { getLanguage } from "../i18n/i18n.server";
import { hasRole, requireUser } from "../lib/auth.server";
import { resultFor as answerFor } from "../forms/result";
import { dispatchIntent, intentOf, saveForm } from "../forms/save.server";
import { localized, localizedText } from "../lib/localized";
import { notFound } from "../lib/http";
import { redirectWithNotice, type Notice } from "../lib/flash.server";
import { titled } from "../lib/meta";
import { idParam } from "../lib/route-params";
import { viewerTimeZone } from "../lib/time-zone.server";
import { useLanguage } from "../lib/use-formatter";
import { calendarToday } from "../lib/zoned-time";
import { assessForm } from "../forms/commitment";
import {
  confirmForm,
  evidenceForm,
  focalPointForm,
  milestoneDoneForm,
  milestoneForm,
  withdrawConfirmationForm,
} from "../forms/commitment-tracking";
import {
  confirmCompletion,
  mayConfirm,
  sideOfUser,
  withdrawConfirmation,
} from "../models/commitment-confirmations.server";
import { addEvidence } from "../models/commitment-evidence.server";
import { focalPointCandidates, setFocalPoint } from "../models/commitment-focal-points.server";
import { addMilestone, completeMilestone } from "../models/commitment-milestones.server";
import { isOverdue } from "../models/commitment-overdue.server";
import { assessCommitment, listAssessments } from "../models/commitment-assessments.server";
import { getCommitment } from "../models/commitment-queries.server";
import { sourceChoices } from "../models/source-choices.server";
import { isFollowing } from "../models/follows.server";
import { agreementsPage } from "../i18n/packs";
import "../styles/agreements.css";
import { ExampleBadge } from "../components/example-badge";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const user = requireUser(context, request, "viewer");
  const id = idParam(params);
  const today = calendarToday(viewerTimeZone(request, user));
  const commitment = await getCommitment(db, id, today);
  if (!commitment) notFound();
  const canEdit = hasRole(user, "editor");
  const [candidates, assessments, sources] = await Promise.all([
    canEdit
      ? focalPointCandidates(
          db,
          commitment.sides.map((s) => s.code),
        )
      : [],
    listAssessments(db, id),
    canEdit ? sourceChoices(db) : [],
  ]);
  // Which sides this user may confirm for, and how: the page offers only those.
  const confirmer = canEdit ? await sideOfUser(db, { userId: user.id }) : null;
  const confirmRights = Object.fromEntries(commitment.sides.map((s) => [s.code, mayConfirm(confirmer, s.code)]));
  return {
    commitment,
    overdue: isOverdue(commitment, today),
    canEdit,
    following: await isFollowing(db, user.id, { subjectType: "commitment", subjectId: id }),
    confirmRights,
    candidates,
    assessments,
    sources,
    today,
    title: localized(commitment.text, getLanguage(context)).slice(0, 80),
  };
}

// The notice each form leaves on the page it returns to.
const savedNotices: Record<CommitmentIntent, Notice> = {
  assess: "commitments.saved.assess",
  evidence: "commitments.saved.evidence",
  milestone: "commitments.saved.milestone",
  "milestone-done": "commitments.saved.milestoneDone",
  "focal-point": "commitments.saved.focalPoint",
  confirm: "commitments.saved.confirm",
  "withdraw-confirmation": "commitments.saved.withdrawConfirmation",
};

export async function action({ context, request, params }: Route.ActionArgs) {
  const user = requireUser(context, request, "editor");
  const id = idParam(params);
  const form = await request.formData();
  const actor = { userId: user.id };
  const intent = intentOf(form, "") as CommitmentIntent;
  // Every form of the page saves the same way; a stale one says what the status is now.
  const track = <S extends z.ZodType>(schema: S, save: (value: z.output<S>) => Promise<unknown>) =>
    saveForm(form, schema, {
      intent,
      save: async (value) => (await save(value)) ?? null,
      done: () => redirectWithNotice(`/commitments/${id}`, savedNotices[intent]),
      conflict: async (_value, current, typed) => {
        const saved = current as { status: string; version: number };
        return { yours: typed, theirs: { status: saved.status }, version: saved.version, savedBy: null, changed: [] };
      },
    });
  return dispatchIntent(
    form,
    {
      assess: () =>
        track(assessForm, (v) =>
          assessCommitment(db, actor, id, v.version, {
            status: v.status,
            assessedOn: v.assessedOn,
            evidence: localizedText(v.evidenceEn, v.evidenceId, v.evidenceAz),
            sourceId: v.sourceId ?? null,
            assessor: v.assessor ?? null,
          }),
        ),
      evidence: () =>
        track(evidenceForm, (v) => addEvidence(db, actor, { commitmentId: id, url: v.url, note: v.note })),
      milestone: () =>
        track(milestoneForm, (v) =>
          addMilestone(db, actor, {
            commitmentId: id,
            title: localizedText(v.titleEn, v.titleId, v.titleAz),
            dueOn: v.dueOn ?? null,
          }),
        ),
      "milestone-done": () =>
        track(milestoneDoneForm, (v) =>
          completeMilestone(db, actor, {
            commitmentId: id,
            milestoneId: v.milestoneId,
            completedOn: calendarToday(viewerTimeZone(request, user)),
          }),
        ),
      "focal-point": () =>
        track(focalPointForm, (v) =>
          setFocalPoint(db, actor, {
            commitmentId: id,
            countryCode: v.countryCode,
            personId: v.personId ?? null,
            // The page's form says which focal point it showed; a bare POST makes no such claim.
            previousPersonId: form.has("previousPersonId") ? (v.previousPersonId ?? null) : undefined,
          }),
        ),
      confirm: () => track(confirmForm, (v) => confirmCompletion(db, actor, { commitmentId: id, ...v })),
      "withdraw-confirmation": () =>
        track(withdrawConfirmationForm, (v) =>
          withdrawConfirmation(db, actor, { commitmentId: id, countryCode: v.countryCode, confirmedAt: v.confirmedAt }),
        ),
    },
    "",
  );
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);
export const handle = agreementsPage;

export default function CommitmentPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  // A new location means the last change was saved: forms start empty again.
  const { key: formKey } = useLocation();
  const { commitment: c, canEdit, confirmRights, candidates, overdue } = loaderData;
  const resultFor = (...intents: CommitmentIntent[]) => answerFor(actionData, ...intents);

  return (
    <article className="page">
      <p>
        <Link to={`/agreements/${c.agreement.id}`}>← {localized(c.agreement.title, lang)}</Link>
      </p>
      <div className="page-heading">
        <h1 className="commitment-title">
          <RecordText text={c.text} />
        </h1>
        <ExampleBadge example={c.example} />
        {canEdit ? (
          <div className="page-actions">
            <Link to={`/commitments/${c.id}/edit`} className="button button--secondary">
              {t("commitments.edit")}
            </Link>
          </div>
        ) : null}
      </div>
      <FollowButton subjectType="commitment" subjectId={c.id} following={loaderData.following} />
      <CommitmentFacts commitment={c} overdue={overdue} />
      <EvidenceSection evidence={c.evidence} canEdit={canEdit} result={resultFor("evidence")} formKey={formKey} />
      <AssessmentSection status={c.status} assessments={loaderData.assessments}>
        {canEdit ? (
          <AssessForm
            status={c.status}
            version={c.version}
            today={loaderData.today}
            sources={loaderData.sources}
            result={resultFor("assess")}
            formKey={formKey}
          />
        ) : null}
      </AssessmentSection>
      <ConfirmationsSection
        sides={c.sides}
        confirmations={c.confirmations}
        status={c.status}
        version={c.version}
        canEdit={canEdit}
        rights={confirmRights}
        result={resultFor("confirm", "withdraw-confirmation")}
      />
      <MilestonesSection
        milestones={c.milestones}
        canEdit={canEdit}
        doneResult={resultFor("milestone-done")}
        addResult={resultFor("milestone")}
        formKey={formKey}
      />
      <FocalPointsSection
        sides={c.sides}
        focalPoints={c.focalPoints}
        candidates={candidates}
        canEdit={canEdit}
        result={resultFor("focal-point")}
        formKey={formKey}
      />

      <section aria-labelledby="activities-title">
        <h2 id="activities-title">{t("commitments.activities")}</h2>
        {c.activities.length ? (
          <PlainLinks>
            <ActivityLinks commitmentId={c.id} activities={c.activities} total={c.activityCount} />
          </PlainLinks>
        ) : (
          <p className="muted">{t("commitments.noActivities")}</p>
        )}
      </section>

      <SourceList heading={t("agreements.sources")} sources={c.sources} />
    </article>
  );
}
