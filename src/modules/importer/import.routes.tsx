import type { Hono } from 'hono';
import type { AppEnv } from '../../app.env.js';
import { pageContext, redirectWithFlash, render, requirePermission, type Ctx } from '../../http.kit.js';
import { paths, pattern } from '../../paths.js';
import { idParam } from '../../platform/http/form.js';
import { isStatusCategory, type StatusCategory } from '../plan/status.js';
import { COLUMN_ROLES, type ColumnRole } from './columns.detect.js';
import type { StagedOptions } from './import.service.js';
import { PreviewPage, UploadPage } from './import.view.js';
import type { ImportProblem } from './table.model.js';

const svc = (c: Ctx) => c.get('deps').services;
const slugOf = (c: Ctx) => c.get('municipality').slug;
const mid = (c: Ctx) => c.get('municipality').id;

export function registerImportRoutes(app: Hono<AppEnv>) {
  const maxBytes = (c: Ctx) => c.get('deps').config.importMaxBytes;

  const showUpload = async (c: Ctx, problems: ImportProblem[], values: { text?: string; target?: string }, status: 200 | 400 | 413) =>
    render(c, <UploadPage ctx={pageContext(c)} plans={await svc(c).plans.listPlans(mid(c))} problems={problems} values={values} maxMb={Math.round(maxBytes(c) / 1024 / 1024)} />, status);

  app.get(pattern(paths.adminImport, 'slug'), (c) => {
    requirePermission(c, 'plan.edit');
    return showUpload(c, [], {}, 200);
  });

  app.post(
    pattern(paths.adminImport, 'slug'),
    async (c) => {
      const by = requirePermission(c, 'plan.edit');
      const body = await c.req.parseBody();
      const text = typeof body.text === 'string' ? body.text : '';
      const target = typeof body.target === 'string' ? body.target : '';
      const file = body.file instanceof File && body.file.size > 0 ? body.file : null;
      const values = { text, target };
      const targetId = target === '' ? null : idParam(target);
      if (target !== '' && targetId === null) return showUpload(c, [{ file: '', message: c.get('t')('errors.choiceInvalid') }], values, 400);
      if (!file && !text.trim()) return showUpload(c, [{ file: '', message: c.get('t')('import.nothing') }], values, 400);
      const fileName = file ? file.name.slice(0, 200) : 'eingefügter Text.txt';
      if (file && file.size > maxBytes(c)) {
        return showUpload(c, [{ file: fileName, message: c.get('t')('import.tooLarge', { file: fileName, mb: Math.round(maxBytes(c) / 1024 / 1024) }) }], values, 413);
      }
      const content = file ? Buffer.from(await file.arrayBuffer()) : Buffer.from(text, 'utf8');
      if (targetId !== null) await svc(c).plans.getPlan(mid(c), targetId);
      const parsed = await svc(c).imports.parse(mid(c), fileName, content, {}, c.get('t'));
      if (!parsed.ok) return showUpload(c, parsed.errors, values, 400);
      const token = await svc(c).imports.stage(mid(c), by.userId!, fileName, content, targetId);
      return c.redirect(paths.adminImportPreview(slugOf(c), token), 303);
    },
  );

  const showPreview = async (c: Ctx, token: string, status: 200 | 400) => {
    const session = await svc(c).imports.load(mid(c), c.get('user')!.id, token);
    const preview = await svc(c).imports.preview(mid(c), session, c.get('t'));
    const target = session.targetPlanId !== null ? await svc(c).plans.getPlan(mid(c), session.targetPlanId) : null;
    return render(c, <PreviewPage ctx={pageContext(c)} session={session} preview={preview} targetTitle={target?.title ?? null} />, preview.ok ? status : 400);
  };

  app.get(pattern(paths.adminImportPreview, 'slug', 'token'), (c) => {
    requirePermission(c, 'plan.edit');
    return showPreview(c, (c.req.param('token') ?? ''), 200);
  });

  app.post(pattern(paths.adminImportMapping, 'slug', 'token'), async (c) => {
    const by = requirePermission(c, 'plan.edit');
    const token = (c.req.param('token') ?? '');
    await svc(c).imports.load(mid(c), by.userId!, token);
    const body = await c.req.parseBody();
    const columnMapping: Partial<Record<ColumnRole, number>> = {};
    const statusMapping: Record<string, StatusCategory> = {};
    for (const [key, value] of Object.entries(body)) {
      if (typeof value !== 'string') continue;
      const col = key.match(/^col_(\d{1,3})$/);
      if (col && value !== '') {
        if (!(COLUMN_ROLES as readonly string[]).includes(value)) return showPreview(c, token, 400);
        columnMapping[value as ColumnRole] = Number(col[1]);
      }
      const st = key.match(/^status_label_(\d{1,4})$/);
      if (st) {
        const category = body[`status_category_${st[1]}`];
        if (!isStatusCategory(category)) return showPreview(c, token, 400);
        statusMapping[value] = category;
      }
    }
    const options: StagedOptions = { columnMapping, statusMapping };
    await svc(c).imports.saveOptions(mid(c), by.userId!, token, options);
    return redirectWithFlash(c, paths.adminImportPreview(slugOf(c), token), c.get('t')('import.mappingApplied'));
  });

  app.post(pattern(paths.adminImportConfirm, 'slug', 'token'), async (c) => {
    const by = requirePermission(c, 'plan.edit');
    const result = await svc(c).imports.confirm(mid(c), by.userId!, (c.req.param('token') ?? ''), by, c.get('t'));
    if (!result.ok) return showPreview(c, (c.req.param('token') ?? ''), 400);
    return redirectWithFlash(c, paths.adminPlan(slugOf(c), result.planId), c.get('t')('import.done', { count: result.changed }));
  });

  app.post(pattern(paths.adminImportDiscard, 'slug', 'token'), async (c) => {
    const by = requirePermission(c, 'plan.edit');
    const token = (c.req.param('token') ?? '');
    await svc(c).imports.load(mid(c), by.userId!, token);
    await svc(c).imports.discard(mid(c), token);
    return redirectWithFlash(c, paths.adminImport(slugOf(c)), c.get('t')('import.discarded'));
  });

}
