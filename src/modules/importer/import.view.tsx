// Upload, preview and confirmation of a catalogue import.
import { paths } from './importer.paths.js';
import { Csrf, StatusBadge, SubmitButton } from '../../platform/views/components.js';
import { cell, DataTable } from '../../platform/views/data-table.js';
import { Layout } from '../../platform/views/layout.js';
import type { PageContext } from '../../platform/views/page.js';
import { parseTimeframe, STATUS_CATEGORIES, type ExchangeGoal, type ExchangeMeasure } from '../plan/index.js';
import type { PreviewPart } from './parse.catalogue.js';
import { COLUMN_ROLES } from './columns.detect.js';
import type { ImportSession, Preview } from './import.service.js';
import type { ImportProblem } from './table.model.js';

/** "Tabellenblatt „Arbeit“, Zeile 12, Spalte „Status“": where in the file a problem or warning is. */
function problemPlace(t: PageContext['t'], p: { sheet?: string; page?: number; table?: number; row?: number; column?: string }): string {
  const place = [
    p.sheet ? t('import.placeSheet', { sheet: p.sheet }) : '',
    p.page ? t('importer.placePage', { page: p.page }) : '',
    p.table ? t('importer.placeTable', { table: p.table }) : '',
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
  const parts = preview.ok ? preview.parsed.parts : [];
  return (
    <section aria-labelledby="mapping-title" class="stack">
      <h2 class="kern-heading-medium" id="mapping-title">{t('import.mapping')}</h2>
      <form method="post" action={paths.adminImportMapping(slug, session.id)} class="form" id={MAPPING_FORM} novalidate>
        <Csrf token={ctx.csrfToken} />
        {parts.length > 1 || parts.some((p) => p.excluded) ? <PartsFieldset ctx={ctx} parts={parts} /> : null}
        {columns && columns.headers.length ? <input type="hidden" name="mapped_header" value={JSON.stringify(columns.headers.map((h) => h.header))} /> : null}
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
        {columns?.headers.length || statuses.length || parts.length > 1 ? (
          <button type="submit" class="kern-btn kern-btn--secondary"><span class="kern-label">{t('import.applyMapping')}</span></button>
        ) : null}
      </form>
    </section>
  );
}

function PreviewBody({ ctx, session, preview }: { ctx: PageContext; session: ImportSession; preview: Extract<Preview, { ok: true }> }) {
  const { t } = ctx;
  const { parsed, update } = preview;
  const measureCount = parsed.plan.fields.reduce((n, f) => n + f.goals.reduce((k, g) => k + g.measures.length, 0) + f.furtherMeasures.length, 0);
  return (
    <>
      <section aria-labelledby="summary-title" class="stack">
        <h2 class="kern-heading-medium" id="summary-title">{t('import.summary')}</h2>
        <p class="kern-body">{t('import.found', { fields: parsed.plan.fields.length, measures: measureCount, actors: parsed.actors.length })}</p>
        <p class="kern-body">{t('importer.preview.counts', {
          goals: t('importer.preview.goals', { count: parsed.plan.fields.reduce((n, f) => n + f.goals.length, 0) }),
          newActors: parsed.actors.filter((a) => !a.existing).length,
          existingActors: parsed.actors.filter((a) => a.existing).length,
          warnings: t('importer.preview.warnings', { count: parsed.warnings.length }),
        })}</p>
        {parsed.parts.some((p) => p.excluded) ? <p class="kern-body">{t('importer.preview.excludedCount', { count: parsed.parts.filter((p) => p.excluded).length })}</p> : null}
      </section>
      {parsed.warnings.length ? (
        <section aria-labelledby="warnings-title" class="kern-alert kern-alert--warning">
          <div class="kern-alert__header"><h2 class="kern-title" id="warnings-title">{t('import.warnings', { count: parsed.warnings.length })}</h2></div>
          <div class="kern-alert__body">
            <ul class="kern-list">
              {parsed.warnings.slice(0, 200).map((w) => (
                <li>{problemPlace(t, w) ? <><strong>{problemPlace(t, w)}:</strong>{' '}</> : null}{w.message}</li>
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
            {/* A short catalogue opens every field; a long one stays folded, field by field, so the page stays usable. */}
            {parsed.plan.fields.map((f) => <FieldPreview ctx={ctx} field={f} open={measureCount <= 30} />)}
          </section>
          <section aria-labelledby="actors-title" class="stack">
            <h2 class="kern-heading-medium" id="actors-title">{t('import.actors', { count: parsed.actors.length })}</h2>
            <ul class="kern-list kern-list--bullet">
              {parsed.actors.map((a) => <li>{a.name}{a.parent ? ` (${a.parent})` : ''} – {t('public.measureCount', { count: a.measureCount })}{a.existing ? ` · ${t('importer.preview.existing')}` : ''}</li>)}
            </ul>
            <ActorMerges ctx={ctx} session={session} names={parsed.actors.map((a) => a.name)} />
          </section>
        </>
      )}
    </>
  );
}

/** "Tabelle 2 (nach „Handlungsfeld Arbeit“): 14 Zeilen", "Blatt „Legende“: 5 Zeilen". */
function partLabel(t: PageContext['t'], part: PreviewPart): string {
  if (part.kind === 'sheet') return t('importer.preview.partSheet', { name: part.name ?? String(part.ordinal), count: part.rows });
  const after = part.after && part.after.length > 60 ? `${part.after.slice(0, 59)}…` : part.after;
  return after ? t('importer.preview.partTableAfter', { ordinal: part.ordinal, after, count: part.rows }) : t('importer.preview.partTable', { ordinal: part.ordinal, count: part.rows });
}

/** The tables or sheets read, each with a checkbox: unticked, it is left out (the other parts read as before). */
function PartsFieldset({ ctx, parts }: { ctx: PageContext; parts: PreviewPart[] }) {
  const { t } = ctx;
  return (
    <fieldset class="kern-fieldset" aria-describedby="parts-hint">
      <legend class="kern-label">{t('importer.preview.parts')}</legend>
      <div class="kern-hint" id="parts-hint">{t('importer.preview.partsHint')}</div>
      <input type="hidden" name="part_ids" value={parts.map((p) => p.id).join(',')} />
      <div class="kern-fieldset__body">
        {parts.map((p) => (
          <div class="kern-form-check">
            <input class="kern-form-check__checkbox" type="checkbox" id={`part-${p.id}`} name={`part_${p.id}`} value="1" checked={!p.excluded} />
            <label class="kern-label" for={`part-${p.id}`}>{partLabel(t, p)}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** "Ziel 1.1", or "Ziel" when the goal has no number of its own. */
function goalHeading(t: PageContext['t'], g: ExchangeGoal): string {
  const label = g.number ? t('importer.preview.goalNumbered', { number: g.number }) : t('importer.preview.goal');
  return `${label}: ${g.text || t('import.noGoal')}`;
}

/** A field of action, folded: its goals, each with its measures as they will be stored. */
function FieldPreview({ ctx, field, open }: { ctx: PageContext; field: { title: string; visions: string[]; goals: ExchangeGoal[]; furtherMeasures: ExchangeMeasure[] }; open: boolean }) {
  const { t } = ctx;
  const measures = field.goals.reduce((n, g) => n + g.measures.length, 0) + field.furtherMeasures.length;
  return (
    <details class="import-field" open={open}>
      <summary class="kern-body--bold">{t('field.singular')}: {t('importer.preview.fieldSummary', { title: field.title, goals: t('importer.preview.goals', { count: field.goals.length }), measures: t('importer.preview.measures', { count: measures }) })}</summary>
      <div class="stack">
        {field.visions.length ? <p class="meta">{t('vision.singular')}: {field.visions.join(' · ')}</p> : null}
        {field.goals.map((g) => (
          <div class="stack">
            <h3 class="kern-heading-small">{goalHeading(t, g)}</h3>
            <ol class="plain-list import-measures">{g.measures.map((m) => <MeasurePreview ctx={ctx} measure={m} />)}</ol>
          </div>
        ))}
        {field.furtherMeasures.length ? (
          <div class="stack">
            <h3 class="kern-heading-small">{t('measure.further')}</h3>
            <ol class="plain-list import-measures">{field.furtherMeasures.map((m) => <MeasurePreview ctx={ctx} measure={m} />)}</ol>
          </div>
        ) : null}
      </div>
    </details>
  );
}

/** One measure exactly as it will be stored: number, text, actors with role and parent, status, timeframe, notes, attributes. */
function MeasurePreview({ ctx, measure: m }: { ctx: PageContext; measure: ExchangeMeasure }) {
  const { t } = ctx;
  const number = m.number;
  const parsed = parseTimeframe(m.timeframe);
  const given = m.timeframeStart !== undefined || m.timeframeEnd !== undefined;
  const start = given ? (m.timeframeStart ?? null) : parsed.start;
  const end = given ? (m.timeframeEnd ?? null) : parsed.end;
  const timeframe = !parsed.label
    ? t('importer.preview.noTimeframe')
    : start || end
      ? t('importer.preview.timeframeRange', { label: parsed.label, start: start ?? t('importer.preview.open'), end: end ?? t('importer.preview.open') })
      : parsed.ongoing
        ? t('importer.preview.timeframeOngoing', { label: parsed.label })
        : parsed.label;
  return (
    <li class="import-measure">
      <p class="kern-body">{number ? <span class="measure-number">{number}</span> : null}<span class="pre-line">{m.text}</span></p>
      <dl class="facts import-facts">
        <dt>{t('importer.preview.actors')}</dt>
        <dd>
          {m.actors.length ? (
            <ul class="plain-list">
              {m.actors.map((a) => <li>{a.name} ({t(`actorRole.${a.role}`)}){a.parent ? `, ${t('importer.preview.parent', { parent: a.parent })}` : ''}</li>)}
            </ul>
          ) : t('importer.preview.noActors')}
        </dd>
        <dt>{t('importer.preview.status')}</dt>
        <dd>{m.status.label ? t('importer.preview.statusValue', { label: m.status.label, category: t(`status.${m.status.category}`) }) : t('importer.preview.noStatus', { category: t(`status.${m.status.category}`) })}{m.status.date ? ` (${m.status.date})` : ''}</dd>
        <dt>{t('importer.preview.timeframe')}</dt>
        <dd>{timeframe}</dd>
        {m.notes.length ? (
          <>
            <dt>{t('importer.preview.notes')}</dt>
            <dd><ul class="plain-list">{m.notes.map((n) => <li class="pre-line">{n.date ? `${n.date}: ` : ''}{n.text}</li>)}</ul></dd>
          </>
        ) : null}
        {(m.attributes ?? []).map((a) => (
          <>
            <dt>{a.label}</dt>
            <dd class="pre-line">{a.value}</dd>
          </>
        ))}
      </dl>
    </li>
  );
}

/** Merging two actors of the preview, and the merges made so far with a way to take each back. */
function ActorMerges({ ctx, session, names }: { ctx: PageContext; session: ImportSession; names: string[] }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const action = paths.adminImportActors(slug, session.id);
  const merges = Object.entries(session.options.actorMerges ?? {});
  return (
    <div class="stack">
      {merges.length ? (
        <>
          <h3 class="kern-heading-small">{t('importer.merge.madeTitle')}</h3>
          <ul class="kern-list">
            {merges.map(([from, into]) => (
              <li>
                <form method="post" action={action} class="actions">
                  <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                  <input type="hidden" name="undo" value={from} />
                  <span>{t('importer.merge.made', { from, into })}</span>
                  <button type="submit" class="kern-btn kern-btn--tertiary">
                    <span class="kern-label">{t('importer.merge.undo')}<span class="kern-sr-only"> ({from})</span></span>
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {names.length >= 2 ? (
        <form method="post" action={action} class="stack">
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <h3 class="kern-heading-small">{t('importer.merge.title')}</h3>
          <p class="kern-body">{t('importer.merge.intro')}</p>
          <div class="kern-form-input">
            <label class="kern-label" for="merge-from">{t('importer.merge.from')}</label>
            <div class="kern-form-input__select-wrapper">
              <select class="kern-form-input__select" id="merge-from" name="from">
                {names.map((name) => <option value={name}>{name}</option>)}
              </select>
            </div>
          </div>
          <div class="kern-form-input">
            <label class="kern-label" for="merge-into">{t('importer.merge.into')}</label>
            <div class="kern-form-input__select-wrapper">
              <select class="kern-form-input__select" id="merge-into" name="into">
                {names.map((name, i) => <option value={name} selected={i === 1}>{name}</option>)}
              </select>
            </div>
          </div>
          <div class="actions">
            <button type="submit" class="kern-btn kern-btn--secondary"><span class="kern-label">{t('importer.merge.submit')}</span></button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
