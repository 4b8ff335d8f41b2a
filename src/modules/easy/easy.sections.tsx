// What Leichte Sprache adds to the municipality's start page: a box that leads to the LS start page and to the
// sign-language page, in the reader's language, so that both can be found on the start page itself.
import { pageContext } from '../../platform/http/kit.js';
import type { SectionContributions } from '../../platform/module.js';
import { easyPaths } from './easy.paths.js';

export function easySections(): SectionContributions {
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
  };
}
