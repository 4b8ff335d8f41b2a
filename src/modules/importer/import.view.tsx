// Upload, preview and confirmation of a catalogue import.
import { paths } from './importer.paths.js';
import { Csrf, StatusBadge, SubmitButton } from '../../platform/views/components.js';
import { cell, DataTable } from '../../platform/views/data-table.js';
import { Layout } from '../../platform/views/layout.js';
import type { PageContext } from '../../platform/views/page.js';
import { STATUS_CATEGORIES } from '../plan/index.js';
import { COLUMN_ROLES } from './columns.detect.js';
import type { ImportSession, Preview } from './import.service.js';
import type { ImportProblem } from './table.model.js';

/** "Tabellenblatt „Arbeit“, Zeile 12, Spalte „Status“": where in the file a problem or warning is. */
function problemPlace(t: PageContext['t'], p: { sheet?: string; page?: number; row?: number; column?: string }): string {
  const place = [
    p.sheet ? t('import.placeSheet', { sheet: p.sheet }) : '',
    p.page ? t('importer.placePage', { page: p.page }) : '',
    p.row ? t('import.placeRow', { row: p.row }) : '',
    p.column ? t('import.placeColumn', { column: p.column }) : '',
  ].filter(Boolean).join(', ');
  // The place opens the line ("row 2, …" in English reads "Row 2, …"); the message after it names no place again.
  return place.charAt(0).toUpperCase() + place.slice(1);
}

export function ProblemList({ ctx, problems }: { ctx: PageContext; problems: ImportProblem[] }) {
  const { t } = ctx;
  return (
    <div class="kern-alert kern-alert--danger error-summary" role="alert" aria-labelledby="import-errors" tabindex={-1}>
      <div class="kern-alert__header">
        <h2 class="kern-title" id="import-errors">{t('import.failed')}</h2>
      </div>
      <div class="kern-alert__body">
        <ul class="kern-list">
          {problems.slice(0, 100).map((p) => (
            <li>{problemPlace(t, p) ? <strong>{problemPlace(t, p)}: </strong> : null}{p.message}</li>
          ))}
        </ul>
        {problems.length > 100 ? <p class="kern-body">{t('import.moreProblems', { count: problems.length - 100 })}</p> : null}
      </div>
    </div>
  );
}

export function UploadPage(props: { ctx: PageContext; plans: Array<{ id: number; title: string; state: string }>; problems: ImportProblem[]; values: { text?: string; target?: string }; maxMb: number }) {
  const { ctx } = props;
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  return (
    <Layout ctx={ctx} title={t('import.title')} area="admin" crumbs={[{ href: paths.admin(slug), label: t('admin.overview.title') }]}>
      <div class="stack-lg">
        <h1 class="kern-heading-large">{t('import.title')}</h1>
        <p class="kern-body">{t('import.intro')}</p>
        {props.problems.length ? <ProblemList ctx={ctx} problems={props.problems} /> : null}
        <form method="post" action={paths.adminImport(slug)} enctype="multipart/form-data" class="form" novalidate>
          <Csrf token={ctx.csrfToken} />
          <div class="kern-form-input">
            <label class="kern-label" for="feld-file">{t('import.file')}</label>
            <div class="kern-hint" id="feld-file-hint">{t('import.fileHint', { mb: props.maxMb })}</div>
            <input class="kern-form-input__input" id="feld-file" name="file" type="file" accept=".docx,.xlsx,.pdf,.csv,.tsv,.txt" aria-describedby="feld-file-hint" />
          </div>
          <div class="kern-form-input">
            <label class="kern-label" for="feld-text">{t('import.paste')}</label>
            <div class="kern-hint" id="feld-text-hint">{t('import.pasteHint')}</div>
            <textarea class="kern-form-input__input" id="feld-text" name="text" rows={6} aria-describedby="feld-text-hint">{props.values.text ?? ''}</textarea>
          </div>
          <div class="kern-form-input">
            <label class="kern-label" for="feld-target">{t('import.target')}</label>
            <div class="kern-hint" id="feld-target-hint">{t('import.targetHint')}</div>
            <div class="kern-form-input__select-wrapper">
              <select class="kern-form-input__select" id="feld-target" name="target" aria-describedby="feld-target-hint">
                <option value="">{t('import.newDraft')}</option>
                {props.plans.map((p) => (
                  <option value={String(p.id)} selected={props.values.target === String(p.id)}>{t('import.updatePlan', { title: p.title, state: t(`planState.${p.state}`) })}</option>
                ))}
              </select>
            </div>
          </div>
          <SubmitButton label={t('import.upload')} />
        </form>
      </div>
    </Layout>
  );
}

export function PreviewPage({ ctx, session, preview, targetTitle }: { ctx: PageContext; session: ImportSession; preview: Preview; targetTitle: string | null }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const crumbs = [{ href: paths.admin(slug), label: t('admin.overview.title') }, { href: paths.adminImport(slug), label: t('import.title') }];
  return (
    <Layout ctx={ctx} title={t('import.previewTitle')} area="admin" crumbs={crumbs}>
      <div class="stack-lg">
        <div class="stack">
          <h1 class="kern-heading-large">{t('import.previewTitle')}</h1>
          <p class="kern-body">{t('import.previewOf', { file: session.fileName })} {targetTitle ? t('import.previewUpdate', { title: targetTitle }) : t('import.previewNew')}</p>
        </div>
        {!preview.ok ? <ProblemList ctx={ctx} problems={preview.errors} /> : <PreviewBody ctx={ctx} session={session} preview={preview} />}
        <MappingForm ctx={ctx} session={session} preview={preview} />
        <div class="actions">
          {preview.ok ? (
            // The confirmation sends the mapping form, so that a status mapping chosen there counts even when it was
            // not applied first.
            <button type="submit" class="kern-btn kern-btn--primary" form={MAPPING_FORM} formaction={paths.adminImportConfirm(slug, session.id)}>
              <span class="kern-label">{targetTitle ? t('import.confirmUpdate', { count: preview.update?.changes.length ?? 0 }) : t('import.confirmNew')}</span>
            </button>
          ) : null}
          <form method="post" action={paths.adminImportDiscard(slug, session.id)} class="inline-form">
            <Csrf token={ctx.csrfToken} />
            <button type="submit" class="kern-btn kern-btn--secondary"><span class="kern-label">{t('import.discard')}</span></button>
          </form>
        </div>
      </div>
    </Layout>
  );
}

const MAPPING_FORM = 'import-mapping';

function MappingForm({ ctx, session, preview }: { ctx: PageContext; session: ImportSession; preview: Preview }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const columns = preview.ok ? preview.parsed.columns : null;
  const statuses = preview.ok ? preview.parsed.statuses : [];
  return (
    <section aria-labelledby="mapping-title" class="stack">
      <h2 class="kern-heading-medium" id="mapping-title">{t('import.mapping')}</h2>
      <form method="post" action={paths.adminImportMapping(slug, session.id)} class="form" id={MAPPING_FORM} novalidate>
        <Csrf token={ctx.csrfToken} />
        {columns && columns.headers.length ? (
          <fieldset class="kern-fieldset">
            <legend class="kern-label">{t('import.columns')}</legend>
            <div class="kern-hint">{t('import.columnsHint')}</div>
            <div class="filters">
              {columns.headers.map((h) => (
                <div class="kern-form-input">
                  <label class="kern-label" for={`col-${h.index}`}>{t('import.columnLabel', { n: h.index + 1, header: h.header || '–' })}</label>
                  <div class="kern-form-input__select-wrapper">
                    <select class="kern-form-input__select" id={`col-${h.index}`} name={`col_${h.index}`}>
                      <option value="">{t('import.ignoreColumn')}</option>
                      {COLUMN_ROLES.map((r) => <option value={r} selected={h.role === r}>{t(`importer.column.${r}`)}</option>)}
                    </select>
                  </div>
                </div>
              ))}
            </div>
          </fieldset>
        ) : null}
        {statuses.length ? (
          <fieldset class="kern-fieldset">
            <legend class="kern-label">{t('import.statusMapping')}</legend>
            <div class="kern-hint">{t('import.statusMappingHint')}</div>
            <div class="filters">
              {statuses.map((s, i) => (
                <div class="kern-form-input">
                  <input type="hidden" name={`status_label_${i}`} value={s.label} />
                  <label class="kern-label" for={`status-${i}`}>{t('import.statusLabel', { label: s.label, count: s.count })}</label>
                  <div class="kern-form-input__select-wrapper">
                    <select class="kern-form-input__select" id={`status-${i}`} name={`status_category_${i}`}>
                      {STATUS_CATEGORIES.map((c) => <option value={c} selected={s.category === c}>{t(`status.${c}`)}</option>)}
                    </select>
                  </div>
                </div>
              ))}
            </div>
          </fieldset>
        ) : null}
        {columns?.headers.length || statuses.length ? (
          <button type="submit" class="kern-btn kern-btn--secondary"><span class="kern-label">{t('import.applyMapping')}</span></button>
        ) : null}
      </form>
    </section>
  );
}

function PreviewBody({ ctx, preview }: { ctx: PageContext; session: ImportSession; preview: Extract<Preview, { ok: true }> }) {
  const { t } = ctx;
  const { parsed, update } = preview;
  const measureCount = parsed.plan.fields.reduce((n, f) => n + f.goals.reduce((k, g) => k + g.measures.length, 0) + f.furtherMeasures.length, 0);
  return (
    <>
      <section aria-labelledby="summary-title" class="stack">
        <h2 class="kern-heading-medium" id="summary-title">{t('import.summary')}</h2>
        <p class="kern-body">{t('import.found', { fields: parsed.plan.fields.length, measures: measureCount, actors: parsed.actors.length })}</p>
      </section>
      {parsed.warnings.length ? (
        <section aria-labelledby="warnings-title" class="kern-alert kern-alert--warning">
          <div class="kern-alert__header"><h2 class="kern-title" id="warnings-title">{t('import.warnings', { count: parsed.warnings.length })}</h2></div>
          <div class="kern-alert__body">
            <ul class="kern-list">
              {parsed.warnings.slice(0, 200).map((w) => (
                <li><strong>{problemPlace(t, w)}:</strong> {w.message}</li>
              ))}
            </ul>
          </div>
        </section>
      ) : null}
      {update ? (
        <section aria-labelledby="changes-title" class="stack">
          <h2 class="kern-heading-medium" id="changes-title">{t('import.changes', { count: update.changes.length })}</h2>
          {update.unknownNumbers.length ? <p class="kern-body">{t('import.unknownNumbers', { numbers: update.unknownNumbers.join(', ') })}</p> : null}
          <p class="meta">{t('import.unchanged', { count: update.unchanged })}</p>
          <DataTable
            caption={t('import.changes', { count: update.changes.length })}
            columns={[{ label: t('measure.numberShort') }, { label: t('import.change') }, { label: t('import.before') }, { label: t('import.after') }]}
            rows={update.changes.flatMap((c) => [
              ...(c.status ? [[c.number, t('measure.status'), c.status.fromLabel || '–', <StatusBadge t={t} category={c.status.toCategory} label={c.status.toLabel} />]] : []),
              ...(c.text ? [[c.number, t('measure.text'), cell(c.text.from, 'pre-line'), cell(c.text.to, 'pre-line')]] : []),
              ...c.newNotes.map((n) => [c.number, t('measure.addNote'), '–', <>{n.text}{n.date ? ` (${n.date})` : ''}</>]),
            ])}
            rowHeaders
          />
        </section>
      ) : (
        <>
          <section aria-labelledby="tree-title" class="stack">
            <h2 class="kern-heading-medium" id="tree-title">{t('import.tree')}</h2>
            <ul class="tree">
              {parsed.plan.fields.map((f) => (
                <li>
                  <strong>{t('field.singular')}: {f.title}</strong>
                  {f.visions.length ? <p class="meta">{t('vision.singular')}: {f.visions.join(' · ')}</p> : null}
                  <ul>
                    {f.goals.map((g) => (
                      <li>
                        <span class="kern-body--bold">{g.number ? t('goal.numbered', { number: g.number }) : t('goal.singular')}: {g.text || t('import.noGoal')}</span>
                        <ul>
                          {g.measures.map((m) => (
                            <li>
                              {m.number !== null ? <span class="measure-number">{m.number}</span> : null}
                              {m.text.length > 140 ? `${m.text.slice(0, 139)}…` : m.text}{' '}
                              <StatusBadge t={t} category={m.status.category} label={m.status.label} />
                              {m.actors.length ? <span class="meta"> – {m.actors.map((a) => `${a.name}${a.role === 'lead' ? ` (${t('actorRole.lead')})` : ''}`).join(', ')}</span> : null}
                              {m.timeframe ? <span class="meta"> · {t('measure.timeframe')}: {m.timeframe}</span> : null}
                              {m.attributes?.length ? <span class="meta"> · {m.attributes.map((a) => `${a.label}: ${a.value.length > 80 ? `${a.value.slice(0, 79)}…` : a.value}`).join(' · ')}</span> : null}
                            </li>
                          ))}
                        </ul>
                      </li>
                    ))}
                    {f.furtherMeasures.length ? (
                      <li>
                        <span class="kern-body--bold">{t('measure.further')}</span>
                        <ul>{f.furtherMeasures.map((m) => <li>{m.text}</li>)}</ul>
                      </li>
                    ) : null}
                  </ul>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="actors-title" class="stack">
            <h2 class="kern-heading-medium" id="actors-title">{t('import.actors', { count: parsed.actors.length })}</h2>
            <ul class="kern-list kern-list--bullet">
              {parsed.actors.map((a) => <li>{a.name}{a.parent ? ` (${a.parent})` : ''} – {t('public.measureCount', { count: a.measureCount })}</li>)}
            </ul>
          </section>
        </>
      )}
    </>
  );
}
