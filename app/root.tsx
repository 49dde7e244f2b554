import { TranslationProvider, useRequestLanguage, useTranslation } from "./i18n/translation";
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useMatches,
  useRouteLoaderData,
  type ShouldRevalidateFunction,
} from "react-router";
import type { Route } from "./+types/root";
import "./app.css";
import timeZoneCookieScript from "./lib/time-zone-cookie.js?url&no-inline";
import { useNonce } from "./lib/nonce";
import { getLanguage, languageMiddleware } from "./i18n/i18n.server";
import { supportedLanguages, type Language } from "./i18n/config";
import { packsFor } from "./i18n/packs";
import { authMiddleware, hasRole, optionalUser } from "./lib/auth.server";
import { viewerTimeZone } from "./lib/time-zone.server";
import { formBodyMiddleware } from "./lib/form-body.server";
import { availabilityMiddleware } from "./lib/availability.server";
import { flashMiddleware, takeNotice, type Notice } from "./lib/flash.server";

// Refusals (the database away, a bad form) answer in the reader's language, before a session is
// looked up.
export const middleware: Route.MiddlewareFunction[] = [
  languageMiddleware,
  ...availabilityMiddleware,
  formBodyMiddleware,
  authMiddleware,
  flashMiddleware,
];

export async function loader({ context, request }: Route.LoaderArgs) {
  const user = optionalUser(context);
  return {
    lang: getLanguage(context),
    timeZone: viewerTimeZone(request, user),
    user: user && { name: user.name, role: user.role, isAdmin: hasRole(user, "admin") },
    notice: takeNotice(context),
  };
}

// A notice belongs to the one page a save led to: the root loader runs again on every navigation,
// so the next page does not keep showing it.
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, defaultShouldRevalidate }) =>
  defaultShouldRevalidate || currentUrl.href !== nextUrl.href;

export function meta({ error }: Route.MetaArgs) {
  // An error page writes its own title (ErrorBoundary), in the reader's language.
  return error ? [] : [{ title: "Jembatan" }];
}

type SiteUser = Route.ComponentProps["loaderData"]["user"];

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  // Without the root loader's data (an error page whose root loader or middleware failed), the
  // language the request was answered in.
  const requestLanguage = useRequestLanguage();
  const lang = data?.lang ?? requestLanguage ?? "en";
  // Pages for visitors without an account are plain HTML: every link and form on them works
  // without JavaScript, and React and React Router alone would weigh 110 KB (gzip). Signed-in
  // people get the app. See docs/decisions/0003-visitor-pages-without-scripts.md.
  const app = Boolean(data?.user);
  const nonce = useNonce();
  const packs = packsFor(useMatches(), data?.notice);
  return (
    <html lang={lang} data-scripts={app ? "app" : "none"}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {/* Which string packs the page renders with: the browser loads them before it hydrates. */}
        {app && packs.length ? <meta name="string-packs" content={packs.join(" ")} /> : null}
        <Meta />
        <Links />
      </head>
      <body>
        {/* The server decides the language; after a client-side navigation (the switcher) follow it. */}
        <TranslationProvider lang={lang} packs={packs}>
          {children}
        </TranslationProvider>
        {app ? (
          <>
            <ScrollRestoration />
            <Scripts />
          </>
        ) : (
          // The app's pages run the same script from entry.client.
          <script src={timeZoneCookieScript} nonce={nonce} defer />
        )}
      </body>
    </html>
  );
}

export default function App({ loaderData }: Route.ComponentProps) {
  return (
    <SiteFrame user={loaderData.user} lang={loaderData.lang} notice={loaderData.notice}>
      <Outlet />
    </SiteFrame>
  );
}

/**
 * Header, navigation, language switch and footer around every page, error pages included. `user`
 * is undefined when the reader is not known (the root loader did not run): then neither the staff
 * navigation nor a sign-in or sign-out control is shown.
 */
function SiteFrame(props: {
  user: SiteUser | undefined;
  lang: Language;
  notice?: Notice | null;
  children: React.ReactNode;
}) {
  const { user, lang, notice, children } = props;
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="brand">
            <span className="brand__name">{t("app.name")}</span>
            <span className="brand__tagline">{t("app.tagline")}</span>
          </Link>
          <nav aria-label={t("app.mainNav")} className="main-nav">
            <ul>
              {user ? (
                <>
                  <li>
                    <NavLink to="/dashboard">{t("nav.dashboard")}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/agreements">{t("nav.agreements")}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/activities">{t("nav.activities")}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/visits">{t("nav.visits")}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/people">{t("nav.people")}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/organizations">{t("nav.organizations")}</NavLink>
                  </li>
                  {user.role !== "viewer" ? (
                    <li>
                      <NavLink to="/enquiries">{t("nav.enquiries")}</NavLink>
                    </li>
                  ) : null}
                  <li>
                    <NavLink to="/cases">{t("nav.cases")}</NavLink>
                  </li>
                </>
              ) : null}
              <li>
                <NavLink to="/library">{t("nav.library")}</NavLink>
              </li>
              {user?.isAdmin ? (
                <>
                  <li>
                    <NavLink to="/admin/users">{t("nav.users")}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/admin/mail">{t("nav.mail")}</NavLink>
                  </li>
                </>
              ) : null}
            </ul>
          </nav>
          <div className="header-tools">
            <LanguageSwitcher current={lang} />
            {user ? (
              <Form method="post" action="/logout" className="sign-out" reloadDocument>
                <Link to="/account" className="who">
                  {t("nav.signedInAs", { name: user.name, role: t(`roles.${user.role}`) })}
                </Link>
                <button type="submit" className="button button--quiet">
                  {t("nav.signOut")}
                </button>
              </Form>
            ) : user === null ? (
              <Link to="/login" className="button button--quiet">
                {t("nav.signIn")}
              </Link>
            ) : null}
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {notice ? (
          <div className="site-notice">
            <p role="status" className="notice">
              {t(notice)}
            </p>
          </div>
        ) : null}
        {children}
      </main>
      <footer className="site-footer">
        <p>
          {t("footer.about")} {t("footer.sources")}
        </p>
        {/* Records are written in English and Indonesian; an Azerbaijani text exists only where a source gives one. */}
        {lang === "az" ? <p>{t("language.contentFallback")}</p> : null}
      </footer>
    </>
  );
}

function LanguageSwitcher({ current }: { current: Language }) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <Form method="post" action="/language" className="language-switcher">
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <label htmlFor="language-select">{t("language.label")}</label>
      <select id="language-select" name="lng" defaultValue={current} key={current}>
        {supportedLanguages.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`language.${l}`)}
          </option>
        ))}
      </select>
      <button type="submit" className="button button--quiet">
        {t("language.change")}
      </button>
    </Form>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const { t } = useTranslation();
  // Present when a page below the root failed: the reader keeps their header and navigation. When
  // the root loader itself failed (its middleware refused the request, or in the browser a data
  // request failed as a whole, as the server's 503 while the database is away does), the page is
  // framed without the user-specific parts.
  const data = useRouteLoaderData<typeof loader>("root");
  const language = useRequestLanguage();
  let title = t("errors.title");
  let text = t("errors.generic");
  if (isRouteErrorResponse(error)) {
    // A request refused with a message in the reader's language (app/lib/form-body.server.ts).
    const message: unknown = (error.data as { message?: unknown } | null)?.message;
    // A refusal may say what was not there ("That document … no longer exists").
    if (error.status === 404)
      [title, text] = [t("errors.notFound"), typeof message === "string" ? message : t("errors.notFoundText")];
    else if (error.status === 403) [title, text] = [t("errors.forbidden"), t("errors.forbiddenText")];
    // The database is away or failed the request (app/lib/availability.server.ts), also met on a
    // client-side navigation.
    else if (error.status === 503) [title, text] = [t("errors.unavailable"), t("errors.unavailableText")];
    else if (error.status < 500 && typeof message === "string") [title, text] = [t("errors.refused"), message];
  } else if (import.meta.env.DEV && error instanceof Error) {
    text = error.message;
  }
  return (
    <SiteFrame user={data?.user} lang={data?.lang ?? language ?? "en"} notice={data?.notice}>
      {/* React places it in the head; root's meta leaves the title out when there is an error. */}
      <title>{`${title} · Jembatan`}</title>
      <div className="page page--narrow">
        <h1>{title}</h1>
        <p>{text}</p>
        <p>
          <Link to="/">{t("errors.backHome")}</Link>
        </p>
      </div>
    </SiteFrame>
  );
}
