// The routes of a simple admin entity: new, create, edit, update, move, confirm delete, delete. Each
// state change runs: CSRF (app), permission, validation (400 with the form again), service, redirect.
import type { Child } from 'hono/jsx';
import { idOf } from './route.js';
import type { Hono } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from './env.js';
import { pageContext, redirectWithFlash, render, requirePermission, type Ctx } from './kit.js';
import { moveSchema } from '../validation/fields.js';
import type { Writer } from '../audit/audit.js';
import type { Permission } from '../auth/permissions.js';
import { InvalidInputError } from './errors.js';
import { readForm, validate } from './form.js';
import { ConfirmDeletePage, EntityFormPage, type FormFieldSpec } from '../views/entity-form.view.js';
import type { Crumb } from '../views/layout.js';
import type { FormState, FormValues } from '../views/page.js';

export interface CrudSpec<S extends z.ZodType, Row, Parent> {
  /** i18n prefix: `${entity}.new`, `${entity}.edit`, `${entity}.created` … */
  entity: string;
  permission: Permission;
  schema: S;
  fields(c: Ctx, context: { parent?: Parent; row?: Row }): Promise<FormFieldSpec[]> | FormFieldSpec[];

  newPattern?: string;
  loadParent?(c: Ctx, municipalityId: number, parentId: number): Promise<Parent>;
  parentCrumbs?(c: Ctx, parent: Parent): Crumb[];
  parentBack?(c: Ctx, parent: Parent, newId: number): string;
  create?(c: Ctx, municipalityId: number, parent: Parent, data: z.infer<S>, by: Writer): Promise<number>;
  newValues?(c: Ctx, parent: Parent): FormValues;

  itemPattern: string;
  load(c: Ctx, municipalityId: number, id: number): Promise<Row>;
  values(row: Row): FormValues;
  crumbs(c: Ctx, row: Row): Crumb[];
  back(c: Ctx, row: Row): string;
  label(c: Ctx, row: Row): string;
  update(c: Ctx, municipalityId: number, id: number, data: z.infer<S>, by: Writer): Promise<void>;
  /** Where the edit form posts; defaults to the item path. */
  itemPath(c: Ctx, id: number): string;
  newPath?(c: Ctx, parentId: number): string;

  movePattern?: string;
  /** Where the edit page's move buttons post; without it the edit page offers no moving. */
  movePath?(c: Ctx, id: number): string;
  move?(c: Ctx, municipalityId: number, id: number, direction: 'up' | 'down', by: Writer): Promise<void>;
  deletePattern?: string;
  deletePath?(c: Ctx, id: number): string;
  delete?(c: Ctx, municipalityId: number, id: number, by: Writer): Promise<void>;
  deleteConsequence?(c: Ctx, row: Row): string | undefined | Promise<string | undefined>;
  /** More on the confirmation page: what the deletion touches, listed. */
  deleteDetails?(c: Ctx, row: Row): Promise<Child>;
  /** Where a deleted item's page sends the person; defaults to `back` (which must not be the item's own page). */
  afterDelete?(c: Ctx, row: Row): string;
}


export function crudRoutes<S extends z.ZodType, Row, Parent>(app: Hono<AppEnv>, spec: CrudSpec<S, Row, Parent>) {
  const t = (c: Ctx) => c.get('t');
  const mid = (c: Ctx) => c.get('municipality').id;

  if (spec.newPattern && spec.loadParent && spec.create && spec.newPath) {
    const { loadParent, create, newPath } = spec;
    const showNew = async (c: Ctx, parent: Parent, parentId: number, form: FormState, status: 200 | 400) =>
      render(
        c,
        <EntityFormPage
          ctx={pageContext(c)}
          title={t(c)(`${spec.entity}.new`)}
          crumbs={spec.parentCrumbs?.(c, parent) ?? []}
          action={newPath(c, parentId)}
          fields={await spec.fields(c, { parent })}
          form={form}
          submitLabel={t(c)('form.create')}
          cancelHref={spec.parentBack?.(c, parent, 0) ?? '/'}
        />,
        status,
      );
    // Entities without a parent (actors, wordings) belong to the municipality itself: parent id 0.
    const parentIdOf = (c: Ctx) => (spec.newPattern!.includes(':parentId') ? idOf(c, 'parentId') : 0);
    app.get(spec.newPattern, async (c) => {
      requirePermission(c, spec.permission);
      const parentId = parentIdOf(c);
      const parent = await loadParent(c, mid(c), parentId);
      return showNew(c, parent, parentId, { values: spec.newValues?.(c, parent) ?? {}, errors: {} }, 200);
    });
    app.post(spec.newPattern, async (c) => {
      const by = requirePermission(c, spec.permission);
      const parentId = parentIdOf(c);
      const parent = await loadParent(c, mid(c), parentId);
      const values = await readForm(c);
      const v = validate(spec.schema, values);
      if (!v.ok) return showNew(c, parent, parentId, v.form, 400);
      try {
        const id = await create(c, mid(c), parent, v.data, by);
        return redirectWithFlash(c, spec.parentBack?.(c, parent, id) ?? '/', t(c)(`${spec.entity}.created`));
      } catch (e) {
        if (e instanceof InvalidInputError) return showNew(c, parent, parentId, { values, errors: e.errors }, 400);
        throw e;
      }
    });
  }

  const showEdit = async (c: Ctx, row: Row, id: number, form: FormState, status: 200 | 400) =>
    render(
      c,
      <EntityFormPage
        ctx={pageContext(c)}
        title={t(c)(`${spec.entity}.edit`)}
        crumbs={spec.crumbs(c, row)}
        action={spec.itemPath(c, id)}
        fields={await spec.fields(c, { row })}
        form={form}
        submitLabel={t(c)('form.save')}
        cancelHref={spec.back(c, row)}
        itemActions={{
          label: spec.label(c, row),
          movePath: spec.move ? spec.movePath?.(c, id) : undefined,
          deletePath: spec.delete ? spec.deletePath?.(c, id) : undefined,
        }}
      />,
      status,
    );
  app.get(spec.itemPattern, async (c) => {
    requirePermission(c, spec.permission);
    const id = idOf(c, 'id');
    const row = await spec.load(c, mid(c), id);
    return showEdit(c, row, id, { values: spec.values(row), errors: {} }, 200);
  });
  app.post(spec.itemPattern, async (c) => {
    const by = requirePermission(c, spec.permission);
    const id = idOf(c, 'id');
    const row = await spec.load(c, mid(c), id);
    const values = await readForm(c);
    const v = validate(spec.schema, values);
    if (!v.ok) return showEdit(c, row, id, v.form, 400);
    try {
      await spec.update(c, mid(c), id, v.data, by);
    } catch (e) {
      if (e instanceof InvalidInputError) return showEdit(c, row, id, { values, errors: e.errors }, 400);
      throw e;
    }
    return redirectWithFlash(c, spec.back(c, await spec.load(c, mid(c), id)), t(c)(`${spec.entity}.saved`));
  });

  if (spec.movePattern && spec.move) {
    const move = spec.move;
    app.post(spec.movePattern, async (c) => {
      const by = requirePermission(c, spec.permission);
      const id = idOf(c, 'id');
      const row = await spec.load(c, mid(c), id);
      const v = validate(moveSchema, await readForm(c));
      if (!v.ok) return c.text(t(c)('errors.choiceInvalid'), 400);
      await move(c, mid(c), id, v.data.direction, by);
      return redirectWithFlash(c, spec.back(c, row), t(c)('form.moved'));
    });
  }

  if (spec.deletePattern && spec.delete && spec.deletePath) {
    const del = spec.delete;
    const deletePath = spec.deletePath;
    app.get(spec.deletePattern, async (c) => {
      requirePermission(c, spec.permission);
      const id = idOf(c, 'id');
      const row = await spec.load(c, mid(c), id);
      return render(
        c,
        <ConfirmDeletePage
          ctx={pageContext(c)}
          title={t(c)(`${spec.entity}.delete`)}
          crumbs={spec.crumbs(c, row)}
          what={spec.label(c, row)}
          action={deletePath(c, id)}
          cancelHref={spec.back(c, row)}
          consequence={await spec.deleteConsequence?.(c, row)}
          details={await spec.deleteDetails?.(c, row)}
        />,
      );
    });
    app.post(spec.deletePattern, async (c) => {
      const by = requirePermission(c, spec.permission);
      const id = idOf(c, 'id');
      const row = await spec.load(c, mid(c), id);
      await del(c, mid(c), id, by);
      return redirectWithFlash(c, spec.afterDelete?.(c, row) ?? spec.back(c, row), t(c)(`${spec.entity}.deleted`));
    });
  }
}
