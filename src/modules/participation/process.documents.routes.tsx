// A phase's documents: the officer uploads (a multipart form that works without JavaScript; a refused file is an
// error at the field, the rest keeps what was typed, nothing is stored), downloads and deletes them (with
// confirmation); the public downloads the public ones of a published process. Everything else is unknown (404).
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { fileDownload } from '../../platform/files/download.js';
import { fileFieldError, readUploadForm, uploadedFile } from '../../platform/files/upload.js';
import { InvalidInputError } from '../../platform/http/errors.js';
import { pageContext, redirectWithFlash, render, requirePermission, type Ctx } from '../../platform/http/kit.js';
import type { RouteContext } from '../../platform/module.js';
import { checkbox } from '../../platform/validation/fields.js';
import { ConfirmDeletePage } from '../../platform/views/entity-form.view.js';
import { emptyForm, type FormState } from '../../platform/views/page.js';
import { PHASE_DOCUMENT_KINDS, type PhaseDocumentKind } from './process.documents.service.js';
import { PhaseDocumentUploadPage } from './process.documents.view.js';
import { paths } from './process.paths.js';
import type { PhaseRow } from './process.service.js';

const PERMISSION = 'participation.manage' as const;
const k = (key: string) => `participation.documents.${key}`;

export function processDocumentsRoutes(context: RouteContext): Hono<AppEnv> {
  const { services } = context;
  const app = new Hono<AppEnv>();
  const mid = (c: Ctx) => c.get('municipality').id;
  const slugOf = (c: Ctx) => c.get('municipality').slug;
  const tOf = (c: Ctx) => c.get('t');
  const crumbs = (c: Ctx, processId: number) => [
    { href: paths.admin(slugOf(c)), label: tOf(c)('admin.overview.title') },
    { href: paths.adminProcesses(slugOf(c)), label: tOf(c)('participation.process.adminTitle') },
    { href: paths.adminProcess(slugOf(c), processId), label: tOf(c)('participation.process.backToProcess') },
  ];
  const backTo = (c: Ctx, processId: number) => `${paths.adminProcess(slugOf(c), processId)}#phase-`;

  const showUpload = (c: Ctx, phase: PhaseRow, form: FormState, status: 200 | 400 | 413 = 200) =>
    render(c, <PhaseDocumentUploadPage ctx={pageContext(c)} vm={{ phase: { id: phase.id, title: phase.title, processId: phase.process_id }, form, crumbs: crumbs(c, phase.process_id) }} />, status);

  app.get(paths.adminPhaseDocumentNew.pattern, async (c) => {
    requirePermission(c, PERMISSION);
    const phase = await services.processes.phase(mid(c), paths.adminPhaseDocumentNew.params(c).parentId);
    return showUpload(c, phase, emptyForm({ kind: 'agenda', is_public: '1' }));
  });

  app.post(paths.adminPhaseDocumentNew.pattern, async (c) => {
    const by = requirePermission(c, PERMISSION);
    const phase = await services.processes.phase(mid(c), paths.adminPhaseDocumentNew.params(c).parentId);
    const { text, file } = await readUploadForm(c);
    const values = { title: text('title').trim(), kind: text('kind'), is_public: text('is_public') };
    const errors: Record<string, string> = {};
    if (!values.title) errors.title = 'errors.textRequired';
    else if (values.title.length > 200) errors.title = 'errors.tooLongMax|max=200';
    if (!(PHASE_DOCUMENT_KINDS as readonly string[]).includes(values.kind)) errors.kind = 'errors.choiceInvalid';
    const fileError = fileFieldError(file);
    if (fileError) errors.file = k(`errors.${fileError}`);
    if (Object.keys(errors).length) return showUpload(c, phase, { values, errors }, fileError === 'tooLarge' ? 413 : 400);
    try {
      await services.phaseDocuments.upload(mid(c), phase.id, { title: values.title, kind: values.kind as PhaseDocumentKind, isPublic: checkbox.parse(values.is_public), ...(await uploadedFile(file!)) }, by);
    } catch (e) {
      if (e instanceof InvalidInputError) return showUpload(c, phase, { values, errors: e.errors }, 400);
      throw e;
    }
    return redirectWithFlash(c, `${backTo(c, phase.process_id)}${phase.id}`, tOf(c)(k('uploaded')));
  });

  app.get(paths.adminPhaseDocument.pattern, async (c) => {
    requirePermission(c, PERMISSION);
    const doc = await services.phaseDocuments.get(mid(c), paths.adminPhaseDocument.params(c).id);
    return fileDownload(c, { fileName: doc.file_name, mimeType: doc.mime_type, content: doc.content });
  });

  app.get(paths.adminPhaseDocumentDelete.pattern, async (c) => {
    requirePermission(c, PERMISSION);
    const { id } = paths.adminPhaseDocumentDelete.params(c);
    const doc = await services.phaseDocuments.get(mid(c), id);
    const phase = await services.processes.phase(mid(c), doc.owner_id);
    return render(c, (
      <ConfirmDeletePage ctx={pageContext(c)} title={tOf(c)(k('deleteTitle'))} crumbs={crumbs(c, phase.process_id)} what={doc.title}
        action={paths.adminPhaseDocumentDelete(slugOf(c), id)} cancelHref={`${backTo(c, phase.process_id)}${phase.id}`} consequence={tOf(c)(k('deleteConsequence'))} />
    ));
  });

  app.post(paths.adminPhaseDocumentDelete.pattern, async (c) => {
    const by = requirePermission(c, PERMISSION);
    const { id } = paths.adminPhaseDocumentDelete.params(c);
    const doc = await services.phaseDocuments.get(mid(c), id);
    const phase = await services.processes.phase(mid(c), doc.owner_id);
    await services.phaseDocuments.remove(mid(c), id, by);
    return redirectWithFlash(c, `${backTo(c, phase.process_id)}${phase.id}`, tOf(c)(k('deleted')));
  });

  // ---- the public ---------------------------------------------------------------------------------------------

  app.get(paths.phaseDocument.pattern, async (c) => fileDownload(c, await services.phaseDocuments.publicDownload(mid(c), paths.phaseDocument.params(c).id)));

  return app;
}
