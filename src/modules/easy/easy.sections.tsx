// What Leichte Sprache adds to other pages: on the municipality's start page a box that leads to the LS start
// page and to the sign-language page, in the reader's language; and, for a reader who chose Leichte Sprache in
// the language switch, a short note at the top of every page: this page in Leichte Sprache, or (a page without
// one, an admin page) the LS start page. The note is Leichte Sprache itself: German, whatever the interface.
import { NotFoundError } from '../../platform/http/errors.js';
import { langHref } from '../../platform/views/layout.js';
import { pageContext } from '../../platform/http/kit.js';
import { translator } from '../../platform/i18n/i18n.js';
import type { SectionContributions, Services } from '../../platform/module.js';
import { easyPaths } from './easy.paths.js';
import { subjectOfPublicPath } from './easy.routes.js';

export function easySections(services: Services): SectionContributions {
  /** The Leichte Sprache version of a public page, or null. */
  const versionOf = async (municipalityId: number, slug: string, path: string): Promise<string | null> => {
    const s = subjectOfPublicPath(slug, path);
    if (!s) return null;
    if (s.type === 'start') return easyPaths.start(slug);
    try {
      await services.easy.publicText(municipalityId, s);
      return easyPaths.text(slug, s);
    } catch (e) {
      if (e instanceof NotFoundError) return null;
      throw e;
    }
  };

  return {
    'municipality.public': async (c) => {
      const { t } = pageContext(c);
      const slug = c.get('municipality').slug;
      return (
        <section class="card easy-box" aria-labelledby="easy-box-title">
          <h2 class="kern-heading-medium" id="easy-box-title">{t('easy.box.title')}</h2>
          <p class="kern-body">{t('easy.box.text')}</p>
          <ul class="plain-list">
            <li><a class="kern-link" href={easyPaths.start(slug)} lang="de">{t('easy.box.easyLink')}</a></li>
            <li><a class="kern-link" href={easyPaths.signLanguage(slug)}>{t('easy.box.signLink')}</a></li>
          </ul>
        </section>
      );
    },

    'layout.easy': async (c, { admin }) => {
      const m = c.get('municipality');
      const path = c.req.path;
      // The LS pages and the sign-language page (which leads to the LS text itself) need no note.
      if (path === easyPaths.start(m.slug) || path.startsWith(`${easyPaths.start(m.slug)}/`) || path === easyPaths.signLanguage(m.slug)) return null;
      const version = admin ? null : await versionOf(m.id, m.slug, path);
      const de = translator('de');
      const ctx = pageContext(c);
      return (
        <aside class={`easy-notice${version ? ' easy-notice--version' : ''}`} lang="de" dir="ltr" aria-labelledby="easy-notice-title">
          <p class="kern-body easy-notice__title" id="easy-notice-title">{de(version ? 'easy.notice.hasVersion' : 'easy.notice.noVersion')}</p>
          <p class="kern-body">
            <a class="kern-link easy-notice__link" href={version ?? easyPaths.start(m.slug)}>{de(version ? 'easy.notice.versionLink' : 'easy.notice.startLink')}</a>
          </p>
          <p class="kern-body kern-body--small">
            <a class="kern-link" href={langHref(ctx, ctx.lang)}>{de('easy.notice.stop')}</a>
          </p>
        </aside>
      );
    },
  };
}
