import type { Child } from 'hono/jsx';
import { platformPaths as paths } from '../http/paths.js';
import { dirOf, LANGUAGE_NAMES, LANGUAGES, type Lang } from '../i18n/i18n.js';
import type { PageContext } from './page.js';

/** The same page in another language: the same path and query, `lang` set (the app then remembers it). */
export function langHref(ctx: Pick<PageContext, 'path' | 'query'>, lang: Lang): string {
  const params = new URLSearchParams(ctx.query ?? '');
  params.delete('lang');
  params.set('lang', lang);
  return `${ctx.path}?${params.toString()}`;
}

/**
 * The language switch: a disclosure that names the current language and lists every language in its own name
 * (never translated, each marked with its language), so that a reader finds their own whatever the page is in.
 */
export function LanguageSwitch({ ctx }: { ctx: PageContext }) {
  return (
    <details class="lang-switch">
      <summary>
        <svg class="lang-switch__icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="18" height="18">
          <circle cx="12" cy="12" r="9.5" fill="none" stroke="currentColor" stroke-width="1.5" />
          <path d="M2.5 12h19M12 2.5c3 3 3 16 0 19M12 2.5c-3 3-3 16 0 19" fill="none" stroke="currentColor" stroke-width="1.5" />
        </svg>
        <span class="kern-sr-only">{ctx.t('layout.language')}: </span>
        {ctx.easyLanguage ? <span lang="de">{EASY_LANGUAGE_NAME}</span> : <span lang={ctx.lang}>{LANGUAGE_NAMES[ctx.lang]}</span>}
      </summary>
      <ul class="lang-switch__list">
        {LANGUAGES.map((l) => (
          <li>
            <a class="kern-link" href={langHref(ctx, l)} hreflang={l} lang={l} dir={dirOf(l)} aria-current={l === ctx.lang && !ctx.easyLanguage ? 'true' : undefined}>
              {LANGUAGE_NAMES[l]}
            </a>
          </li>
        ))}
        {ctx.municipality ? (
          <li>
            <a class="kern-link" href={easyLanguageHref(ctx)} hreflang="de" lang="de" dir="ltr" aria-current={ctx.easyLanguage ? 'true' : undefined}>
              {EASY_LANGUAGE_NAME}
            </a>
          </li>
        ) : null}
      </ul>
    </details>
  );
}

/** Leichte Sprache and German Sign Language, each named in its own (German) name like the languages above. */
const EASY_LANGUAGE_NAME = 'Leichte Sprache';
const SIGN_LANGUAGE_NAME = 'Gebärdensprache';

/** The Leichte Sprache version of this page: the LS start page, told where the reader comes from. */
function easyLanguageHref(ctx: PageContext): string {
  const slug = ctx.municipality!.slug;
  return ctx.easyLanguage ? paths.easyLanguage(slug) : paths.easyLanguage(slug, ctx.path);
}

export interface Crumb {
  href: string;
  label: string;
  /** lang/dir of a label that is a content text shown in German on a page in another language */
  attrs?: { lang?: string; dir?: string };
}

interface LayoutProps {
  ctx: PageContext;
  title: string;
  children?: Child;
  crumbs?: Crumb[];
  /** lang/dir of the title when it is a content text shown in German (see Crumb.attrs) */
  titleAttrs?: { lang?: string; dir?: string };
  /** Admin pages get the admin navigation. */
  area?: 'public' | 'admin' | 'instance';
  /** Scripts of this page (files in public/, loaded deferred): progressive help only, the page works without. */
  scripts?: string[];
}

export function Layout({ ctx, title, titleAttrs, children, crumbs = [], area = 'public', scripts = [] }: LayoutProps) {
  const { t, municipality: m } = ctx;
  const pageTitle = m ? `${title} – ${m.name} – Teilhabe` : `${title} – Teilhabe`;
  return (
    <>
      <html lang={ctx.lang} dir={dirOf(ctx.lang)}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{pageTitle}</title>
          <link rel="stylesheet" href={paths.asset('fonts/fira-sans.css')} />
          <link rel="stylesheet" href={paths.asset('kern.min.css')} />
          <link rel="stylesheet" href={paths.asset('app.css')} />
          <link rel="icon" href={paths.asset('favicon.svg')} type="image/svg+xml" />
          {scripts.map((file) => <script src={paths.asset(file)} defer />)}
        </head>
        <body class="kern-body">
          <a class="skip-link kern-link" href="#inhalt">{t('layout.skipToContent')}</a>
          <header class="site-header">
            <div class="kern-container site-header__bar">
              <a class="site-header__brand" href={m ? paths.municipality(m.slug) : paths.home()}>
                <span class="site-header__name">{m ? m.name : 'Teilhabe'}</span>
                <span class="site-header__product">{m ? t('layout.productFor') : t('layout.tagline')}</span>
              </a>
              <nav class="site-header__tools" aria-label={t('layout.toolsNav')}>
                <ul class="inline-list">
                  {m && area === 'public' ? (
                    <>
                      <li>
                        <a class="kern-link header-easy" href={easyLanguageHref(ctx)} lang="de" aria-current={ctx.easyLanguage ? 'true' : undefined}>
                          <svg class="header-easy__icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="20" height="20">
                            <path d="M4 4.5h6.5a2 2 0 0 1 1.5.7 2 2 0 0 1 1.5-.7H20v14h-6.5a1.5 1.5 0 0 0-1.5 1.5 1.5 1.5 0 0 0-1.5-1.5H4z" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round" />
                            <path d="M12 5.5v14" fill="none" stroke="currentColor" stroke-width="1.6" />
                          </svg>
                          {EASY_LANGUAGE_NAME}
                        </a>
                      </li>
                      <li>
                        <a class="kern-link header-easy" href={paths.signLanguage(m.slug)} lang="de">
                          <svg class="header-easy__icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="20" height="20">
                            <path d="M8 21v-5l-3-4.5a1.4 1.4 0 0 1 2.3-1.6L9 12V4.5a1.3 1.3 0 0 1 2.6 0V11V3.3a1.3 1.3 0 0 1 2.6 0V11V4.5a1.3 1.3 0 0 1 2.6 0V12V7a1.3 1.3 0 0 1 2.6 0v7.5c0 3-1.8 5-4 6.5" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round" />
                          </svg>
                          {SIGN_LANGUAGE_NAME}
                        </a>
                      </li>
                    </>
                  ) : null}
                  <li>
                    <LanguageSwitch ctx={ctx} />
                  </li>
                  {ctx.user ? (
                    <>
                      {m && ctx.canAdminister && area === 'public' ? (
                        <li>
                          <a class="kern-link" href={paths.admin(m.slug)}>{t('layout.admin')}</a>
                        </li>
                      ) : null}
                      {ctx.user.isInstanceAdmin ? (
                        <li>
                          <a class="kern-link" href={paths.instanceAdmin()}>{t('layout.instanceAdmin')}</a>
                        </li>
                      ) : null}
                      <li>
                        <a class="kern-link" href={paths.account()}>{t('layout.account')}</a>
                      </li>
                      <li>
                        <form method="post" action={paths.signOut()} class="inline-form">
                          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                          <button type="submit" class="link-button">{t('layout.signOut', { name: ctx.user.name })}</button>
                        </form>
                      </li>
                    </>
                  ) : (
                    <li>
                      <a class="kern-link" href={paths.signIn()}>{t('layout.signIn')}</a>
                    </li>
                  )}
                </ul>
              </nav>
            </div>
            {m ? (
              <nav class="kern-container site-nav" aria-label={area === 'admin' ? t('layout.adminNav') : t('layout.mainNav')}>
                <ul class="inline-list">
                  {area === 'admin' ? <li><a class="kern-link" href={paths.admin(m.slug)}>{t('admin.nav.overview')}</a></li> : <li><a class="kern-link" href={paths.municipality(m.slug)}>{t('public.nav.plan')}</a></li>}
                  {ctx.nav.filter((n) => n.area === (area === 'admin' ? 'admin' : 'public')).map((n) => (
                    <li><a class="kern-link" href={n.href(m.slug)}>{t(n.label)}</a></li>
                  ))}
                  {area === 'admin' ? <li><a class="kern-link" href={paths.municipality(m.slug)}>{t('admin.nav.publicSite')}</a></li> : null}
                </ul>
              </nav>
            ) : null}
            {m?.isDemo ? (
              <div class="demo-banner" role="note">
                <div class="kern-container">{t('layout.demoNotice')}</div>
              </div>
            ) : null}
          </header>
          <main id="inhalt" class="kern-container site-main" tabindex={-1}>
            {ctx.easyNotice?.length && !ctx.easyLanguage ? ctx.easyNotice : null}
            {crumbs.length > 0 ? (
              <nav aria-label={t('layout.breadcrumbs')} class="breadcrumbs">
                <ol>
                  {crumbs.map((c) => (
                    <li>
                      <a class="kern-link" href={c.href} {...(c.attrs ?? {})}>{c.label}</a>
                    </li>
                  ))}
                  <li aria-current="page" {...(titleAttrs ?? {})}>{title}</li>
                </ol>
              </nav>
            ) : null}
            {ctx.flash ? (
              <div class="kern-alert kern-alert--success flash" role="status">
                <div class="kern-alert__header">
                  <span class="kern-title">{ctx.flash}</span>
                </div>
              </div>
            ) : null}
            {ctx.content?.fallback ? <p class="kern-body content-fallback" role="note">{t('layout.contentInGerman')}</p> : null}
            {children}
          </main>
          <footer class="site-footer">
            <div class="kern-container">
              <ul class="inline-list">
                <li><a class="kern-link" href={m ? `${paths.municipalityAccessibility(m.slug)}?seite=${encodeURIComponent(ctx.path)}` : paths.accessibility()}>{t('layout.accessibility')}</a></li>
                <li><a class="kern-link" href={paths.home()}>{t('layout.allMunicipalities')}</a></li>
              </ul>
              <p class="kern-body kern-body--small">{t('layout.footer')}</p>
            </div>
          </footer>
        </body>
      </html>
    </>
  );
}
