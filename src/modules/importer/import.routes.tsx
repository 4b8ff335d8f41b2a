import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { pageContext, redirectWithFlash, render, requirePermission, type Ctx } from '../../platform/http/kit.js';
import { paths } from './importer.paths.js';
import { idParam } from '../../platform/http/form.js';
import { isStatusCategory, type StatusCategory } from '../plan/index.js';
import { COLUMN_ROLES, isActorRole, type ColumnRole } from './columns.detect.js';
import type { ActorColumn } from './layout.interpreter.js';
import type { StagedOptions } from './import.service.js';
import { PreviewPage, UploadPage } from './import.view.js';
import type { ImportProblem } from './table.model.js';
import type { RouteContext } from '../../platform/module.js';

/** The parts left out: those listed in the form ("part_ids") whose checkbox is not ticked; null when none were listed. */
function excludedOf(body: Record<string, unknown>): number[] | null {
  if (typeof body.part_ids !== 'string') return null;
  const ids = body.part_ids.split(',').filter((id) => /^\d{1,4}$/.test(id)).map(Number);
  return ids.filter((id) => body[`part_${id}`] !== '1').sort((a, b) => a - b);
}

/** The header row the mapping was chosen for, as the form sent it back (JSON of its cells); null when absent or malformed. */
function headerOf(value: unknown): string[] | null {
  if (typeof value !== 'string' || value.length > 20_000) return null;
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) && parsed.length <= 200 && parsed.every((cell) => typeof cell === 'string') ? (parsed as string[]) : null;
  } catch {
    return null;
  }
}

/** The routes of this file as a sub-app; the services arrive once, here. */
export function importRoutes(context: RouteContext): Hono<AppEnv> {
  const { services, config } = context;

  const slugOf = (c: Ctx) => c.get('municipality').slug;
  const mid = (c: Ctx) => c.get('municipality').id;

  function registerImportRoutes(app: Hono<AppEnv>) {

    const showUpload = async (c: Ctx, problems: ImportProblem[], values: { text?: string; target?: string }, status: 200 | 400 | 413) =>
      render(c, <UploadPage ctx={pageContext(c)} plans={await services.plans.listPlans(mid(c))} problems={problems} values={values} maxMb={Math.round(config.importMaxBytes / 1024 / 1024)} />, status);

    app.get(paths.adminImport.pattern, (c) => {
      requirePermission(c, 'plan.edit');
      return showUpload(c, [], {}, 200);
    });

    app.post(
      paths.adminImport.pattern,
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
        const fileName = file ? file.name.slice(0, 200) : c.get('t')('importer.pastedFileName');
        if (file && file.size > config.importMaxBytes) {
          return showUpload(c, [{ file: fileName, message: c.get('t')('import.tooLarge', { file: fileName, mb: Math.round(config.importMaxBytes / 1024 / 1024) }) }], values, 413);
        }
        const content = file ? Buffer.from(await file.arrayBuffer()) : Buffer.from(text, 'utf8');
        if (targetId !== null) await services.plans.getPlan(mid(c), targetId);
        const parsed = await services.imports.parse(mid(c), fileName, content, {}, c.get('t'));
        if (!parsed.ok) return showUpload(c, parsed.errors, values, 400);
        const token = await services.imports.stage(mid(c), by.userId!, fileName, content, targetId);
        return c.redirect(paths.adminImportPreview(slugOf(c), token), 303);
      },
    );

    const showPreview = async (c: Ctx, token: string, status: 200 | 400) => {
      const session = await services.imports.load(mid(c), c.get('user')!.id, token);
      const preview = await services.imports.preview(mid(c), session, c.get('t'));
      const target = session.targetPlanId !== null ? await services.plans.getPlan(mid(c), session.targetPlanId) : null;
      return render(c, <PreviewPage ctx={pageContext(c)} session={session} preview={preview} targetTitle={target?.title ?? null} />, preview.ok ? status : 400);
    };

    app.get(paths.adminImportPreview.pattern, (c) => {
      requirePermission(c, 'plan.edit');
      return showPreview(c, (paths.adminImportPreview.params(c).token), 200);
    });

    app.post(paths.adminImportMapping.pattern, async (c) => {
      const by = requirePermission(c, 'plan.edit');
      const token = (paths.adminImportMapping.params(c).token);
      const session = await services.imports.load(mid(c), by.userId!, token);
      const body = await c.req.parseBody();
      const columnMapping: Partial<Record<ColumnRole, number>> = {};
      // Several columns can name actors, each with its role: the first of a role is the mapping's, the rest further ones.
      const actorColumns: ActorColumn[] = [];
      const statusMapping: Record<string, StatusCategory> = {};
      for (const [key, value] of Object.entries(body)) {
        if (typeof value !== 'string') continue;
        const col = key.match(/^col_(\d{1,3})$/);
        if (col && value !== '') {
          if (!(COLUMN_ROLES as readonly string[]).includes(value)) return showPreview(c, token, 400);
          const role = value as ColumnRole;
          if (isActorRole(role) && columnMapping[role] !== undefined) actorColumns.push({ index: Number(col[1]), role });
          else columnMapping[role] = Number(col[1]);
        }
        const st = key.match(/^status_label_(\d{1,4})$/);
        if (st) {
          const category = body[`status_category_${st[1]}`];
          if (!isStatusCategory(category)) return showPreview(c, token, 400);
          statusMapping[value] = category;
        }
      }
      const mappedHeader = headerOf(body.mapped_header);
      const options: StagedOptions = { columnMapping, actorColumns, statusMapping, ...(mappedHeader ? { mappedHeader } : {}), excludedParts: excludedOf(body) ?? [], ...(session.options.actorMerges ? { actorMerges: session.options.actorMerges } : {}) };
      await services.imports.saveOptions(mid(c), by.userId!, token, options);
      return redirectWithFlash(c, paths.adminImportPreview(slugOf(c), token), c.get('t')('import.mappingApplied'));
    });

    // Two actors of the preview are one ("Volkshochschule" and "VHS Talheim"): the first goes into the second;
    // `undo` takes a merge back. Only names the preview shows can be merged; the confirmation merges the same.
    app.post(paths.adminImportActors.pattern, async (c) => {
      const by = requirePermission(c, 'plan.edit');
      const token = paths.adminImportActors.params(c).token;
      const session = await services.imports.load(mid(c), by.userId!, token);
      const body = await c.req.parseBody();
      const t = c.get('t');
      const merges = { ...(session.options.actorMerges ?? {}) };
      if (typeof body.undo === 'string') {
        delete merges[body.undo];
      } else {
        const [from, into] = [body.from, body.into].map((v) => (typeof v === 'string' ? v : ''));
        const preview = await services.imports.preview(mid(c), session, t);
        const names = new Set(preview.ok ? preview.parsed.actors.map((a) => a.name) : []);
        if (!names.has(from) || !names.has(into) || from === into) {
          return redirectWithFlash(c, paths.adminImportPreview(slugOf(c), token), t('importer.merge.invalid'));
        }
        // A merge into a name that was itself merged away follows it; merges into `from` now go into `into`.
        for (const [name, target] of Object.entries(merges)) if (target === from) merges[name] = into;
        merges[from] = into;
      }
      await services.imports.saveOptions(mid(c), by.userId!, token, { ...session.options, actorMerges: merges });
      return redirectWithFlash(c, paths.adminImportPreview(slugOf(c), token), t(typeof body.undo === 'string' ? 'importer.merge.undone' : 'importer.merge.done'));
    });

    app.post(paths.adminImportConfirm.pattern, async (c) => {
      const by = requirePermission(c, 'plan.edit');
      const token = paths.adminImportConfirm.params(c).token;
      // The status mapping as the preview shows it when the officer confirms, whether or not it was applied first.
      // The column mapping is not taken from here: a changed column is shown in the preview before it is written.
      const body = await c.req.parseBody();
      const statusMapping: Record<string, StatusCategory> = {};
      for (const [key, value] of Object.entries(body)) {
        const st = typeof value === 'string' ? key.match(/^status_label_(\d{1,4})$/) : null;
        if (!st) continue;
        const category = body[`status_category_${st[1]}`];
        if (!isStatusCategory(category)) return showPreview(c, token, 400);
        statusMapping[value as string] = category;
      }
      // Tables or sheets ticked differently from the preview shown: nothing is written before they are previewed.
      const excluded = excludedOf(body);
      if (excluded) {
        const session = await services.imports.load(mid(c), by.userId!, token);
        const before = [...(session.options.excludedParts ?? [])].sort((a, b) => a - b);
        if (excluded.join(',') !== before.join(',')) {
          await services.imports.saveOptions(mid(c), by.userId!, token, { ...session.options, excludedParts: excluded, statusMapping: { ...session.options.statusMapping, ...statusMapping } });
          return redirectWithFlash(c, paths.adminImportPreview(slugOf(c), token), c.get('t')('importer.preview.partsChanged'));
        }
      }
      const result = await services.imports.confirm(mid(c), by.userId!, token, by, c.get('t'), statusMapping);
      if (!result.ok) return showPreview(c, (paths.adminImportConfirm.params(c).token), 400);
      return redirectWithFlash(c, paths.adminPlan(slugOf(c), result.planId), c.get('t')('import.done', { count: result.changed }));
    });

    app.post(paths.adminImportDiscard.pattern, async (c) => {
      const by = requirePermission(c, 'plan.edit');
      const token = (paths.adminImportDiscard.params(c).token);
      await services.imports.load(mid(c), by.userId!, token);
      await services.imports.discard(mid(c), token);
      return redirectWithFlash(c, paths.adminImport(slugOf(c)), c.get('t')('import.discarded'));
    });

  }

  const app = new Hono<AppEnv>();
  registerImportRoutes(app);
  return app;
}
