import { platformPaths as paths } from '../http/paths.js';
import { Layout } from './layout.js';
import type { PageContext } from './page.js';

type Kind = 'notFound' | 'forbidden' | 'csrf' | 'badRequest' | 'tooLarge' | 'serverError' | 'accessibility';

/** Error pages in the layout (never a stack trace), and the accessibility statement, which is static text. */
export function ErrorPage({ ctx, kind, values }: { ctx: PageContext; kind: Kind; values?: Record<string, string | number> }) {
  const { t } = ctx;
  const title = t(`errorPages.${kind}.title`);
  return (
    <Layout ctx={ctx} title={title}>
      <div class="stack">
        <h1 class="kern-heading-large">{title}</h1>
        <p class="kern-body">{t(`errorPages.${kind}.body`, values)}</p>
        {kind === 'accessibility' ? (
          <>
            <h2 class="kern-heading-medium">{t('accessibilityStatement.statusTitle')}</h2>
            <p class="kern-body">{t('accessibilityStatement.status')}</p>
            <h2 class="kern-heading-medium">{t('accessibilityStatement.feedbackTitle')}</h2>
            <p class="kern-body">{t('accessibilityStatement.feedback')}</p>
            <h2 class="kern-heading-medium">{t('accessibilityStatement.arbitrationTitle')}</h2>
            <p class="kern-body">{t('accessibilityStatement.arbitration')}</p>
          </>
        ) : (
          <p class="kern-body">
            <a class="kern-link" href={ctx.municipality ? paths.municipality(ctx.municipality.slug) : paths.home()}>
              {t('errorPages.back')}
            </a>
          </p>
        )}
      </div>
    </Layout>
  );
}
