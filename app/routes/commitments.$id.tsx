import { useTranslation } from "../i18n/translation";
import { data, Link, useLocation } from "react-router";
import type { Route } from "./+types/commitments.$id";
import { ConfirmationsSection } from "../components/commitment-confirmations";
import { EvidenceSection } from "../components/commitment-evidence";
import { ActivityLinks, CommitmentFacts } from "../components/commitment-facts";
import { FocalPointsSection } from "../components/commitment-focal-points";
import { MilestonesSection } from "../components/commitment-milestones";
import type { CommitmentActionResult, CommitmentIntent } from "../components/commitment-section";
import { StatusForm } from "../components/commitment-status-form";
import { SourceList } from "../components/source-list";
import { db } from "../db.server";
import { getLanguage } from "../i18n/i18n.server";
import { hasRole, requireUser } from "../lib/auth.server";
import { parseForm, typedValues, type FormErrors } from "../lib/forms";
import { localized, localizedText } from "../lib/localized";
import { notFound } from "../lib/http";
import { redirectWithNotice, type Notice } from "../lib/flash.server";
import { titled } from "../lib/meta";
import { idParam } from "../lib/route-params";
import { viewerTimeZone } from "../lib/time-zone.server";
import { useLanguage } from "../lib/use-formatter";
import { calendarToday } from "../lib/zoned-time";
import { statusForm } from "../forms/commitment";
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
  NotYourSideError,
  sideOfUser,
  withdrawConfirmation,
} from "../models/commitment-confirmations.server";
import { addEvidence } from "../models/commitment-evidence.server";
import { focalPointCandidates, setFocalPoint } from "../models/commitment-focal-points.server";
import { addMilestone, completeMilestone } from "../models/commitment-milestones.server";
import { isOverdue } from "../models/commitment-overdue.server";
import { getCommitment } from "../models/commitment-queries.server";
import { setCommitmentStatus } from "../models/commitment-writes.server";
import { ConflictError, RuleError } from "../models/errors.server";
import "../styles/agreements.css";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const user = requireUser(context, request, "viewer");
  const id = idParam(params);
  const commitment = await getCommitment(db, id);
  if (!commitment) notFound();
  const canEdit = hasRole(user, "editor");
  const today = calendarToday(viewerTimeZone(request, user));
  const candidates = canEdit
    ? await focalPointCandidates(
        db,
        commitment.sides.map((s) => s.code),
      )
    : [];
  // Which sides this user may confirm for, and how: the page offers only those.
  const confirmer = canEdit ? await sideOfUser(db, { userId: user.id }) : null;
  const confirmRights = Object.fromEntries(commitment.sides.map((s) => [s.code, mayConfirm(confirmer, s.code)]));
  return {
    commitment,
    overdue: isOverdue(commitment, today),
    canEdit,
    confirmRights,
    candidates,
    title: localized(commitment.text, getLanguage(context)).slice(0, 80),
  };
}

// The notice each form leaves on the page it returns to.
const savedNotices: Record<CommitmentIntent, Notice> = {
  status: "commitments.saved.status",
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
  const intent = String(form.get("intent") ?? "") as CommitmentIntent;
  const fail = (errors: FormErrors, status = 400, current: { status: string } | null = null) =>
    data<CommitmentActionResult>({ intent, errors, values: typedValues(form), current }, { status });
  const done = (result: unknown) => {
    if (!result) notFound();
    return redirectWithNotice(`/commitments/${id}`, savedNotices[intent]);
  };
  try {
    switch (intent) {
      case "status": {
        const p = parseForm(statusForm, form);
        if (!p.success) return fail(p.errors);
        return done(await setCommitmentStatus(db, actor, { id, version: p.data.version, status: p.data.status }));
      }
      case "evidence": {
        const p = parseForm(evidenceForm, form);
        if (!p.success) return fail(p.errors);
        return done(await addEvidence(db, actor, { commitmentId: id, url: p.data.url, note: p.data.note }));
      }
      case "milestone": {
        const p = parseForm(milestoneForm, form);
        if (!p.success) return fail(p.errors);
        const title = localizedText(p.data.titleEn, p.data.titleId);
        return done(await addMilestone(db, actor, { commitmentId: id, title, dueOn: p.data.dueOn ?? null }));
      }
      case "milestone-done": {
        const p = parseForm(milestoneDoneForm, form);
        if (!p.success) return fail(p.errors);
        const completedOn = calendarToday(viewerTimeZone(request, user));
        return done(
          await completeMilestone(db, actor, { commitmentId: id, milestoneId: p.data.milestoneId, completedOn }),
        );
      }
      case "focal-point": {
        const p = parseForm(focalPointForm, form);
        if (!p.success) return fail(p.errors);
        return done(
          await setFocalPoint(db, actor, {
            commitmentId: id,
            countryCode: p.data.countryCode,
            personId: p.data.personId ?? null,
            // The page's form says which focal point it showed; a bare POST makes no such claim.
            previousPersonId: form.has("previousPersonId") ? (p.data.previousPersonId ?? null) : undefined,
          }),
        );
      }
      case "confirm": {
        const p = parseForm(confirmForm, form);
        if (!p.success) return fail(p.errors);
        return done(await confirmCompletion(db, actor, { commitmentId: id, ...p.data }));
      }
      case "withdraw-confirmation": {
        const p = parseForm(withdrawConfirmationForm, form);
        if (!p.success) return fail(p.errors);
        return done(
          await withdrawConfirmation(db, actor, {
            commitmentId: id,
            countryCode: p.data.countryCode,
            confirmedAt: p.data.confirmedAt,
          }),
        );
      }
      default:
        return fail({ form: { key: "validation.invalid" } });
    }
  } catch (error) {
    if (error instanceof NotYourSideError) return fail(error.errors, 403);
    if (error instanceof RuleError) return fail(error.errors);
    if (error instanceof ConflictError) {
      const current = error.current as { status: string };
      return fail({ form: { key: "commitments.conflict" } }, 409, { status: current.status });
    }
    throw error;
  }
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

export default function CommitmentPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  // A new location means the last change was saved: forms start empty again.
  const { key: formKey } = useLocation();
  const { commitment: c, canEdit, confirmRights, candidates, overdue } = loaderData;
  const resultFor = (...intents: CommitmentIntent[]) =>
    actionData && intents.includes(actionData.intent) ? actionData : undefined;

  return (
    <article className="page">
      <p>
        <Link to={`/agreements/${c.agreement.id}`}>← {localized(c.agreement.title, lang)}</Link>
      </p>
      <div className="page-heading">
        <h1 className="commitment-title">{localized(c.text, lang)}</h1>
        {canEdit ? (
          <div className="page-actions">
            <Link to={`/commitments/${c.id}/edit`} className="button button--secondary">
              {t("commitments.edit")}
            </Link>
          </div>
        ) : null}
      </div>
      <CommitmentFacts commitment={c} overdue={overdue} />
      <EvidenceSection evidence={c.evidence} canEdit={canEdit} result={resultFor("evidence")} formKey={formKey} />
      {canEdit ? (
        <StatusForm status={c.status} version={c.version} result={resultFor("status")} formKey={formKey} />
      ) : null}
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
          <ActivityLinks commitmentId={c.id} activities={c.activities} total={c.activityCount} />
        ) : (
          <p className="muted">{t("commitments.noActivities")}</p>
        )}
      </section>

      <SourceList heading={t("agreements.sources")} sources={c.sources} />
    </article>
  );
}
