import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect, useLocation, useSearchParams } from "react-router";
import type { Route } from "./+types/commitments.$id";
import { commitmentStatuses } from "../../db/schema/agreements";
import { Field, typedValues, valueOf, type FormValues } from "../components/agreement-field";
import { ConfirmationList } from "../components/commitment-confirmations";
import { SourceLink } from "../components/source-link";
import { StatusBadge } from "../components/status-badge";
import { db } from "../db.server";
import { getLanguage } from "../i18n/i18n.server";
import type { Language } from "../i18n/config";
import { hasRole, requireUser } from "../lib/auth.server";
import { parseForm, type FormErrors } from "../lib/forms";
import { localized } from "../lib/localized";
import { titled } from "../lib/meta";
import { viewerTimeZone } from "../lib/time-zone.server";
import { useFormatter, useLanguage } from "../lib/use-formatter";
import {
  addEvidence,
  addMilestone,
  calendarToday,
  completeMilestone,
  confirmCompletion,
  confirmForm,
  evidenceForm,
  focalPointCandidates,
  focalPointForm,
  getCommitment,
  isOverdue,
  milestoneDoneForm,
  milestoneForm,
  RuleError,
  setCommitmentStatus,
  setFocalPoint,
  statusForm,
  withdrawConfirmation,
  withdrawConfirmationForm,
} from "../models/commitment.server";
import { ConflictError } from "../models/user.server";
import "../styles/agreements.css";

function commitmentId(params: { id?: string }) {
  const id = Number(params.id);
  if (!Number.isSafeInteger(id) || id <= 0) throw new Response("Not found", { status: 404 });
  return id;
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const user = requireUser(context, request, "viewer");
  const id = commitmentId(params);
  const commitment = await getCommitment(db, id);
  if (!commitment) throw new Response("Not found", { status: 404 });
  const canEdit = hasRole(user, "editor");
  const today = calendarToday(viewerTimeZone(request, user));
  const candidates = canEdit ? await focalPointCandidates(db, commitment.sides.map((s) => s.code)) : [];
  return {
    commitment,
    overdue: isOverdue(commitment, today),
    canEdit,
    candidates,
    title: localized(commitment.text, getLanguage(context) as Language).slice(0, 80),
  };
}

type Intent =
  | "status"
  | "evidence"
  | "milestone"
  | "milestone-done"
  | "focal-point"
  | "confirm"
  | "withdraw-confirmation";

export async function action({ context, request, params }: Route.ActionArgs) {
  const user = requireUser(context, request, "editor");
  const id = commitmentId(params);
  const form = await request.formData();
  const actor = { userId: user.id };
  const intent = String(form.get("intent") ?? "") as Intent;
  const fail = (errors: FormErrors, status = 400, current?: { status: string }) =>
    data({ intent, errors, values: typedValues(form), current: current ?? null }, { status });
  const done = (result: unknown) => {
    if (!result) throw new Response("Not found", { status: 404 });
    return redirect(`/commitments/${id}?saved=${intent}`);
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
        const title = p.data.titleId ? { en: p.data.titleEn, id: p.data.titleId } : { en: p.data.titleEn };
        return done(await addMilestone(db, actor, { commitmentId: id, title, dueOn: p.data.dueOn ?? null }));
      }
      case "milestone-done": {
        const p = parseForm(milestoneDoneForm, form);
        if (!p.success) return fail(p.errors);
        const completedOn = calendarToday(viewerTimeZone(request, user));
        return done(await completeMilestone(db, actor, { commitmentId: id, milestoneId: p.data.milestoneId, completedOn }));
      }
      case "focal-point": {
        const p = parseForm(focalPointForm, form);
        if (!p.success) return fail(p.errors);
        await setFocalPoint(db, actor, { commitmentId: id, countryCode: p.data.countryCode, personId: p.data.personId ?? null });
        return redirect(`/commitments/${id}?saved=${intent}`);
      }
      case "confirm": {
        const p = parseForm(confirmForm, form);
        if (!p.success) return fail(p.errors);
        return done(await confirmCompletion(db, actor, { commitmentId: id, ...p.data }));
      }
      case "withdraw-confirmation": {
        const p = parseForm(withdrawConfirmationForm, form);
        if (!p.success) return fail(p.errors);
        await withdrawConfirmation(db, actor, { commitmentId: id, countryCode: p.data.countryCode });
        return redirect(`/commitments/${id}?saved=${intent}`);
      }
      default:
        return fail({ form: { key: "validation.invalid" } });
    }
  } catch (error) {
    if (error instanceof RuleError) return fail({ [error.field]: { key: error.key, values: error.values } });
    if (error instanceof ConflictError) {
      const current = error.current as { status: string };
      return fail({ form: { key: "commitments.conflict" } }, 409, { status: current.status });
    }
    throw error;
  }
}

export const meta: Route.MetaFunction = ({ loaderData }) => titled(loaderData?.title);

const savedMessages: Record<string, string> = {
  created: "commitments.saved.created",
  updated: "commitments.saved.updated",
  status: "commitments.saved.status",
  evidence: "commitments.saved.evidence",
  milestone: "commitments.saved.milestone",
  "milestone-done": "commitments.saved.milestoneDone",
  "focal-point": "commitments.saved.focalPoint",
  confirm: "commitments.saved.confirm",
  "withdraw-confirmation": "commitments.saved.withdrawConfirmation",
};

export default function CommitmentPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const format = useFormatter();
  const [params] = useSearchParams();
  // A new location means the last change was saved: forms start empty again.
  const { key: formKey } = useLocation();
  const { commitment: c, canEdit, candidates, overdue } = loaderData;
  const saved = savedMessages[params.get("saved") ?? ""];
  const intent = actionData?.intent;
  const errorsFor = (which: Intent): FormErrors | undefined => (intent === which ? actionData?.errors : undefined);
  const valuesFor = (which: Intent): FormValues => (intent === which ? (actionData?.values ?? {}) : {});
  const unconfirmed = c.sides.filter((s) => !c.confirmations.some((x) => x.countryCode === s.code));

  const sectionAlert = (which: Intent[]) => {
    if (!intent || !which.includes(intent) || !actionData?.errors) return null;
    const message = actionData.errors.form ?? actionData.errors.countryCode ?? { key: "validation.formErrors" };
    return (
      <div role="alert" className="alert">
        {t(message.key, message.values)}
        {actionData.current ? (
          <> {t("commitments.nowStatus", { status: t(`commitmentStatus.${actionData.current.status}`) })}</>
        ) : null}
      </div>
    );
  };

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
      {saved ? (
        <p role="status" className="notice">
          {t(saved)}
        </p>
      ) : null}

      <dl className="facts">
        <dt>{t("commitments.status")}</dt>
        <dd>
          <StatusBadge group="commitmentStatus" value={c.status} />{" "}
          {c.fullyConfirmed ? (
            <strong className="confirmed">{t("commitments.fullyComplete")}</strong>
          ) : c.status === "complete" ? (
            <span>
              {t("commitments.awaitingConfirmation", {
                sides: unconfirmed.map((s) => localized(s.name, lang)).join(", "),
              })}
            </span>
          ) : null}
        </dd>
        <dt>{t("commitments.agreement")}</dt>
        <dd>
          <Link to={`/agreements/${c.agreement.id}`}>{localized(c.agreement.title, lang)}</Link>
        </dd>
        <dt>{t("commitments.area")}</dt>
        <dd>{c.area}</dd>
        <dt>{t("commitments.responsible")}</dt>
        <dd>
          {c.responsible ? (
            <>
              {localized(c.responsible.name, lang)}
              {c.responsible.acronym ? ` (${c.responsible.acronym})` : null}
            </>
          ) : (
            <span className="muted">{t("commitments.notSet")}</span>
          )}
        </dd>
        <dt>{t("commitments.dueOn")}</dt>
        <dd>
          {c.dueOn ? format.day(c.dueOn) : <span className="muted">{t("commitments.notSet")}</span>}
          {overdue ? <span className="badge badge--overdue">{t("commitments.overdue")}</span> : null}
        </dd>
      </dl>

      <section aria-labelledby="evidence-title">
        <h2 id="evidence-title">{t("commitments.evidence")}</h2>
        {c.evidence.length ? (
          <ul className="evidence-list">
            {c.evidence.map((e) => (
              <li key={e.id}>
                {e.url ? (
                  <a href={e.url} rel="noopener noreferrer nofollow">
                    {e.url}
                  </a>
                ) : null}
                {e.note ? <p className="evidence-note">{e.note}</p> : null}
                <span className="meta">
                  {t("commitments.addedBy", {
                    name: e.addedBy ?? t("commitments.formerUser"),
                    when: format.dateTime(e.addedAt),
                  })}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("commitments.noEvidence")}</p>
        )}
        {canEdit ? (
          <div className="card">
            <h3 id="evidence-form-title">{t("commitments.addEvidence")}</h3>
            {sectionAlert(["evidence"])}
            <Form method="post" className="form" aria-labelledby="evidence-form-title" key={`evidence-${formKey}`}>
              <input type="hidden" name="intent" value="evidence" />
              <Field
                id="evidence-url"
                name="url"
                label={t("commitments.form.evidenceUrl")}
                hint={t("commitments.form.evidenceUrlHint")}
                error={errorsFor("evidence")?.url}
                optional
              >
                {(a) => <input {...a} type="url" maxLength={2000} defaultValue={valueOf(valuesFor("evidence"), "url")} />}
              </Field>
              <Field
                id="evidence-note"
                name="note"
                label={t("commitments.form.evidenceNote")}
                error={errorsFor("evidence")?.note}
                optional
              >
                {(a) => <textarea {...a} rows={3} maxLength={2000} defaultValue={valueOf(valuesFor("evidence"), "note")} />}
              </Field>
              <div>
                <button type="submit" className="button">
                  {t("commitments.addEvidence")}
                </button>
              </div>
            </Form>
          </div>
        ) : null}
      </section>

      {canEdit ? (
        <section aria-labelledby="status-title" className="card">
          <h2 id="status-title">{t("commitments.changeStatus")}</h2>
          {sectionAlert(["status"])}
          <Form method="post" className="form inline-form" key={`status-${formKey}`}>
            <input type="hidden" name="intent" value="status" />
            <input type="hidden" name="version" value={c.version} />
            <Field
              id="status-status"
              name="status"
              label={t("commitments.newStatus")}
              hint={t("commitments.form.statusHint")}
              error={errorsFor("status")?.status}
            >
              {(a) => (
                <select {...a} defaultValue={valueOf(valuesFor("status"), "status") || c.status}>
                  {commitmentStatuses.map((s) => (
                    <option key={s} value={s}>
                      {t(`commitmentStatus.${s}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <div>
              <button type="submit" className="button">
                {t("commitments.changeStatusButton")}
              </button>
            </div>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="confirmations-title">
        <h2 id="confirmations-title">{t("commitments.confirmations")}</h2>
        <p className="hint">{t("commitments.confirmationsHint")}</p>
        {sectionAlert(["confirm", "withdraw-confirmation"])}
        <ConfirmationList
          sides={c.sides}
          confirmations={c.confirmations}
          actions={
            canEdit
              ? (side, confirmed) =>
                  confirmed ? (
                    <Form method="post" className="inline-action">
                      <input type="hidden" name="intent" value="withdraw-confirmation" />
                      <input type="hidden" name="countryCode" value={side.code} />
                      <button type="submit" className="button button--quiet">
                        {t("commitments.withdrawConfirmation", { side: localized(side.name, lang) })}
                      </button>
                    </Form>
                  ) : c.status === "complete" ? (
                    <Form method="post" className="inline-action">
                      <input type="hidden" name="intent" value="confirm" />
                      <input type="hidden" name="version" value={c.version} />
                      <input type="hidden" name="countryCode" value={side.code} />
                      <button type="submit" className="button button--secondary">
                        {t("commitments.confirmFor", { side: localized(side.name, lang) })}
                      </button>
                    </Form>
                  ) : null
              : undefined
          }
        />
        {canEdit && c.status !== "complete" ? <p className="hint">{t("commitments.confirmWhenComplete")}</p> : null}
      </section>

      <section aria-labelledby="milestones-title">
        <h2 id="milestones-title">{t("commitments.milestones")}</h2>
        {sectionAlert(["milestone-done"])}
        {c.milestones.length ? (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("commitments.milestone")}</th>
                <th scope="col">{t("commitments.dueOn")}</th>
                <th scope="col">{t("commitments.completedOn")}</th>
              </tr>
            </thead>
            <tbody>
              {c.milestones.map((m) => (
                <tr key={m.id}>
                  <th scope="row">{localized(m.title, lang)}</th>
                  <td>{m.dueOn ? format.day(m.dueOn) : <span className="muted">{t("commitments.notSet")}</span>}</td>
                  <td>
                    {m.completedOn ? (
                      format.day(m.completedOn)
                    ) : canEdit ? (
                      <Form method="post" className="inline-action">
                        <input type="hidden" name="intent" value="milestone-done" />
                        <input type="hidden" name="milestoneId" value={m.id} />
                        <button type="submit" className="button button--quiet">
                          {t("commitments.markDone")}
                          <span className="visually-hidden">: {localized(m.title, lang)}</span>
                        </button>
                      </Form>
                    ) : (
                      <span className="muted">{t("commitments.notDone")}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">{t("commitments.noMilestones")}</p>
        )}
        {canEdit ? (
          <details className="add-form" open={intent === "milestone" ? true : undefined}>
            <summary>{t("commitments.addMilestone")}</summary>
            {sectionAlert(["milestone"])}
            <Form method="post" className="form" key={`milestone-${formKey}`}>
              <input type="hidden" name="intent" value="milestone" />
              <Field id="milestone-titleEn" name="titleEn" label={t("commitments.form.milestoneEn")} error={errorsFor("milestone")?.titleEn}>
                {(a) => <input {...a} type="text" required maxLength={300} defaultValue={valueOf(valuesFor("milestone"), "titleEn")} lang="en" />}
              </Field>
              <Field id="milestone-titleId" name="titleId" label={t("commitments.form.milestoneId")} error={errorsFor("milestone")?.titleId} optional>
                {(a) => <input {...a} type="text" maxLength={300} defaultValue={valueOf(valuesFor("milestone"), "titleId")} lang="id" />}
              </Field>
              <Field id="milestone-dueOn" name="dueOn" label={t("commitments.dueOn")} error={errorsFor("milestone")?.dueOn} optional>
                {(a) => <input {...a} type="date" defaultValue={valueOf(valuesFor("milestone"), "dueOn")} />}
              </Field>
              <div>
                <button type="submit" className="button">
                  {t("commitments.addMilestone")}
                </button>
              </div>
            </Form>
          </details>
        ) : null}
      </section>

      <section aria-labelledby="focal-title">
        <h2 id="focal-title">{t("commitments.focalPoints")}</h2>
        {sectionAlert(["focal-point"])}
        <ul className="plain side-list">
          {c.sides.map((side) => {
            const person = c.focalPoints[side.code];
            const mine = intent === "focal-point" && valueOf(actionData?.values, "countryCode") === side.code;
            const fieldId = `focal-${side.code}`;
            return (
              <li key={side.code}>
                <strong>{localized(side.name, lang)}:</strong>{" "}
                {person ? (
                  <>
                    {person.name}
                    {person.title ? <span className="muted"> ({localized(person.title, lang)})</span> : null}
                  </>
                ) : (
                  <span className="muted">{t("commitments.noFocalPoint")}</span>
                )}
                {canEdit ? (
                  <Form method="post" className="form inline-form" key={`${fieldId}-${formKey}`}>
                    <input type="hidden" name="intent" value="focal-point" />
                    <input type="hidden" name="countryCode" value={side.code} />
                    <Field
                      id={fieldId}
                      name="personId"
                      label={t("commitments.focalPointFor", { side: localized(side.name, lang) })}
                      error={mine ? actionData?.errors?.personId : undefined}
                    >
                      {(a) => (
                        <select
                          {...a}
                          defaultValue={mine ? valueOf(actionData?.values, "personId") : String(person?.personId ?? "")}
                        >
                          <option value="">{t("commitments.noFocalPoint")}</option>
                          {candidates
                            .filter((p) => p.countryCode === side.code)
                            .map((p) => (
                              <option key={p.id} value={p.id}>
                                {p.name}
                                {p.acronym ? ` (${p.acronym})` : ""}
                              </option>
                            ))}
                        </select>
                      )}
                    </Field>
                    <div>
                      <button type="submit" className="button button--secondary">
                        {t("commitments.saveFocalPoint", { side: localized(side.name, lang) })}
                      </button>
                    </div>
                  </Form>
                ) : null}
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="activities-title">
        <h2 id="activities-title">{t("commitments.activities")}</h2>
        {c.activities.length ? (
          <ul className="plain">
            {c.activities.map((a) => (
              <li key={a.id}>
                <time dateTime={new Date(a.startsAt).toISOString()}>{format.when(a.startsAt, a.allDay)}</time>:{" "}
                <Link to={`/activities/${a.id}`}>{localized(a.title, lang)}</Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("commitments.noActivities")}</p>
        )}
      </section>

      {c.sources.length ? (
        <section aria-labelledby="sources-title">
          <h2 id="sources-title">{t("agreements.sources")}</h2>
          <ul className="sources">
            {c.sources.map((s) => (
              <li key={s.id}>
                <SourceLink source={s} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
