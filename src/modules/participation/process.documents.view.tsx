// A phase's documents: the list on the officer's process page (with download and delete), the upload form,
// and the list on the public timeline (title, type and size; no file name, no uploader). Pure views.
import { GERMAN } from '../../platform/i18n/content.js';
import { DOCUMENT_ACCEPT, DOCUMENT_MAX_BYTES, documentTypeLabel, formatFileSize } from '../../platform/files/upload.js';
import { Checkbox, Csrf, ErrorSummary, Select, SubmitButton, TextField } from '../../platform/views/components.js';
import { FileField } from '../../platform/views/file-field.js';
import { formatDate } from '../../platform/views/format.js';
import { Layout, type Crumb } from '../../platform/views/layout.js';
import type { FormState, PageContext } from '../../platform/views/page.js';
import { PHASE_DOCUMENT_KINDS } from './process.documents.service.js';
import { paths } from './process.paths.js';
import type { PhaseDocumentView, PhaseView } from './process.service.js';

type T = PageContext['t'];
const k = (key: string) => `participation.documents.${key}`;

/** "Protokoll · PDF, 240 KB" */
function facts(t: T, lang: string, d: PhaseDocumentView): string {
  return `${t(k(`kinds.${d.kind}`), { defaultValue: d.kind })} · ${t(k('typeSize'), { type: documentTypeLabel(d.mimeType), size: formatFileSize(d.size, lang) })}`;
}

/** The documents of a phase on the officer's process page, with the link to upload one. */
export function AdminPhaseDocuments({ ctx, phase }: { ctx: PageContext; phase: PhaseView }) {
  const { t, lang } = ctx;
  const slug = ctx.municipality!.slug;
  return (
    <>
      <h4 class="kern-body kern-body--bold">{t(k('title'))}</h4>
      {phase.documents.length === 0 ? <p class="kern-body">{t(k('none'))}</p> : (
        <ul class="kern-list">
          {phase.documents.map((d) => (
            <li>
              <a class="kern-link" href={paths.adminPhaseDocument(slug, d.id)} download>{d.title}</a>{' '}
              <span class="meta">({facts(t, lang, d)} · {t(k(d.isPublic ? 'public' : 'internal'))} · {t(k('uploadedOn'), { date: formatDate(d.createdAt.slice(0, 10), lang) })})</span>{' '}
              <a class="kern-link" href={paths.adminPhaseDocumentDelete(slug, d.id)}>{t(k('delete'))}<span class="kern-sr-only">: {d.title}</span></a>
            </li>
          ))}
        </ul>
      )}
      <p class="kern-body"><a class="kern-link" href={paths.adminPhaseDocumentNew(slug, phase.id)}>{t(k('upload'))}<span class="kern-sr-only">: {phase.title}</span></a></p>
    </>
  );
}

/** A phase's public documents on the timeline, each a download. */
export function PublicPhaseDocuments({ ctx, documents }: { ctx: PageContext; documents: PhaseDocumentView[] }) {
  const { t, lang } = ctx;
  const slug = ctx.municipality!.slug;
  if (documents.length === 0) return null;
  return (
    <div class="stack">
      <h4 class="kern-body kern-body--bold">{t(k('title'))}</h4>
      <ul class="kern-list">
        {documents.map((d) => (
          <li>
            {/* a document's title is German (documents are not translated) */}
            <a class="kern-link" href={paths.phaseDocument(slug, d.id)} download {...(lang === 'de' ? {} : GERMAN)}>{d.title}</a>{' '}
            <span class="meta">({facts(t, lang, d)})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export interface UploadVm {
  phase: { id: number; title: string; processId: number };
  form: FormState;
  crumbs: Crumb[];
}

/** The officer's form to upload a document to a phase (multipart; works without JavaScript). */
export function PhaseDocumentUploadPage({ ctx, vm }: { ctx: PageContext; vm: UploadVm }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const title = t(k('uploadTitle'), { phase: vm.phase.title });
  const labels = { title: t(k('titleLabel')), kind: t(k('kind')), file: t(k('file')), is_public: t(k('isPublic')) };
  return (
    <Layout ctx={ctx} title={title} crumbs={vm.crumbs} area="admin">
      <div class="stack-lg">
        <div class="stack">
          <h1 class="kern-heading-large">{title}</h1>
          <p class="kern-body">{t(k('uploadIntro'))}</p>
        </div>
        <form method="post" action={paths.adminPhaseDocumentNew(slug, vm.phase.id)} enctype="multipart/form-data" class="form" novalidate>
          <ErrorSummary t={t} form={vm.form} labels={labels} />
          <Csrf token={ctx.csrfToken} />
          <TextField t={t} form={vm.form} name="title" label={labels.title} hint={t(k('titleHint'))} maxLength={200} />
          <Select t={t} form={vm.form} name="kind" label={labels.kind} options={PHASE_DOCUMENT_KINDS.map((d) => ({ value: d, label: t(k(`kinds.${d}`)) }))} />
          <FileField t={t} form={vm.form} name="file" label={labels.file} hint={t(k('fileHint'), { mb: DOCUMENT_MAX_BYTES / 1024 / 1024 })} accept={DOCUMENT_ACCEPT} />
          <Checkbox t={t} form={vm.form} name="is_public" label={labels.is_public} />
          <div class="actions">
            <SubmitButton label={t(k('uploadButton'))} />
            <a class="kern-link" href={paths.adminProcess(slug, vm.phase.processId)}>{t('form.cancel')}</a>
          </div>
        </form>
      </div>
    </Layout>
  );
}
