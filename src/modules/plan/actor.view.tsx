import type { Child } from 'hono/jsx';
import { textLang } from '../../platform/i18n/content.js';
import { paths } from './plan.paths.js';
import { Csrf, ErrorSummary, Select, StatusBadge, SubmitButton, InLang } from '../../platform/views/components.js';
import { DataTable } from '../../platform/views/data-table.js';
import { Layout } from '../../platform/views/layout.js';
import type { FormState, PageContext } from '../../platform/views/page.js';
import type { ActorRow, ActorUsage } from './actor.service.js';

export function ActorsPage({ ctx, actors, planTitle, planTitleAttrs, admin, duplicates, unusedCount }: { ctx: PageContext; actors: ActorRow[]; planTitle: string; planTitleAttrs?: { lang?: string; dir?: string }; admin?: boolean; duplicates?: Set<number>; unusedCount?: number }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  return (
    <Layout ctx={ctx} title={t('actor.directory')} area={admin ? 'admin' : 'public'} crumbs={admin ? [{ href: paths.admin(slug), label: t('admin.overview.title') }] : [{ href: paths.municipality(slug), label: planTitle, attrs: planTitleAttrs }]}>
      <h1 class="kern-heading-large">{t('actor.directory')}</h1>
      {admin ? (
        <p class="actions">
          <a class="kern-btn kern-btn--primary" href={paths.adminActorNew(slug)}><span class="kern-label">{t('actor.new')}</span></a>
          {actors.length > 1 ? <a class="kern-btn kern-btn--secondary" href={paths.adminActorsMerge(slug)}><span class="kern-label">{t('actor.merge.open')}</span></a> : null}
          {unusedCount ? <a class="kern-link" href={paths.adminActorsUnused(slug)}>{t('actor.unused.link', { count: unusedCount })}</a> : null}
        </p>
      ) : null}
      {actors.length === 0 ? <p class="kern-body">{t('actor.none')}</p> : null}
      <DataTable
        caption={t('actor.directory')}
        columns={[{ label: t('actor.name') }, { label: t('actor.parent') }, { label: t('actor.leads'), numeric: true }, { label: t('actor.supports'), numeric: true }, ...(admin ? [{ label: t('form.actions') }] : [])]}
        rows={actors.map((a) => [
          admin && duplicates?.has(a.id) ? (
            <>
              <a class="kern-link" href={paths.adminActor(slug, a.id)}>{a.name}</a>
              <br />
              <a class="kern-link" href={`${paths.adminActorsMerge(slug)}?behalten=${a.id}`}>{t('actor.merge.duplicate')}</a>
            </>
          ) : (
            <a class="kern-link" href={admin ? paths.adminActor(slug, a.id) : paths.actor(slug, a.id)}>{a.name}</a>
          ),
          a.parent_name ?? '',
          a.lead_count,
          a.partner_count,
          ...(admin ? [<a class="kern-link" href={paths.adminActorDelete(slug, a.id)}>{t('form.delete')}<span class="kern-sr-only">: {a.name}</span></a>] : []),
        ])}
      />
    </Layout>
  );
}

interface ActorMeasure {
  id: number;
  number: string | null;
  text: string;
  status_label: string;
  status_category: string;
  role: string;
}

export function ActorPage(props: {
  ctx: PageContext;
  actor: { id: number; name: string; parent_id: number | null; parent_name: string | null; description: string; contact_email: string; website: string };
  children: Array<{ id: number; name: string }>;
  measures: ActorMeasure[];
  planTitle: string;
  /** lang/dir of the plan's title when it is shown in German (see i18n/content.ts) */
  planTitleAttrs?: { lang?: string; dir?: string };
  /** Sections other modules add at the end (following the actor's measures). */
  extra?: Child[];
}) {
  const { ctx, actor } = props;
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const lead = props.measures.filter((m) => m.role === 'lead');
  const partner = props.measures.filter((m) => m.role !== 'lead');
  const list = (items: ActorMeasure[]) => (
    <ul class="measure-list">
      {items.map((m) => (
        <li>
          <a class="kern-link" href={paths.measure(slug, m.id)}>
            {m.number !== null ? `${t('measure.numbered', { number: m.number })}: ` : ''}
            <InLang attrs={textLang(ctx, 'measure', m.id, 'text')}>{m.text.length > 160 ? `${m.text.slice(0, 159)}…` : m.text}</InLang>
          </a>
          <p class="kern-body"><StatusBadge t={t} category={m.status_category} label={m.status_label} /></p>
        </li>
      ))}
    </ul>
  );
  return (
    <Layout ctx={ctx} title={actor.name} crumbs={[{ href: paths.municipality(slug), label: props.planTitle, attrs: props.planTitleAttrs }, { href: paths.actors(slug), label: t('actor.directory') }]}>
      <div class="stack-lg">
        <div class="stack">
          <h1 class="kern-heading-large">{actor.name}</h1>
          {actor.parent_id ? <p class="kern-body">{t('actor.partOf')} <a class="kern-link" href={paths.actor(slug, actor.parent_id)}>{actor.parent_name}</a></p> : null}
          {actor.description ? <p class="kern-body pre-line" {...textLang(ctx, 'actor', actor.id, 'description')}>{actor.description}</p> : null}
          {actor.contact_email || actor.website ? (
            <ul class="kern-list">
              {actor.contact_email ? <li><a class="kern-link" href={`mailto:${actor.contact_email}`}>{actor.contact_email}</a></li> : null}
              {actor.website ? <li><a class="kern-link" href={actor.website} rel="noopener noreferrer">{actor.website}</a></li> : null}
            </ul>
          ) : null}
          {props.children.length > 0 ? (
            <>
              <h2 class="kern-heading-small">{t('actor.units')}</h2>
              <ul class="kern-list kern-list--bullet">{props.children.map((ch) => <li><a class="kern-link" href={paths.actor(slug, ch.id)}>{ch.name}</a></li>)}</ul>
            </>
          ) : null}
        </div>
        <section aria-labelledby="leads" class="stack">
          <h2 class="kern-heading-medium" id="leads">{t('actor.leadsTitle', { count: lead.length })}</h2>
          {lead.length ? list(lead) : <p class="kern-body">{t('actor.noneLeads')}</p>}
        </section>
        <section aria-labelledby="supports" class="stack">
          <h2 class="kern-heading-medium" id="supports">{t('actor.supportsTitle', { count: partner.length })}</h2>
          {partner.length ? list(partner) : <p class="kern-body">{t('actor.noneSupports')}</p>}
        </section>
        {props.extra}
      </div>
    </Layout>
  );
}

const adminCrumbs = (ctx: PageContext) => {
  const slug = ctx.municipality!.slug;
  return [{ href: paths.admin(slug), label: ctx.t('admin.overview.title') }, { href: paths.adminActors(slug), label: ctx.t('actor.directory') }];
};

/** What an actor carries, as a list: measure links, the following modules' entries, the actors below it. */
export function ActorUsageList({ ctx, usage, childrenKey, keep }: { ctx: PageContext; usage: ActorUsage; childrenKey: string; keep?: string }) {
  const { t } = ctx;
  const items = [
    usage.measures ? t('actor.usage.measures', { count: usage.measures, plans: t('actor.usage.plans', { count: usage.plans }) }) : t('actor.usage.noMeasures'),
    ...usage.more.map((m) => t(m.key, { count: m.count })),
    ...(usage.children.length ? [t(childrenKey, { count: usage.children.length, names: usage.children.map((c) => c.name).join(', '), keep })] : []),
  ];
  return <ul class="kern-list kern-list--bullet">{items.map((i) => <li>{i}</li>)}</ul>;
}

/** Choosing two actors to merge: the one to keep, and the one that goes into it. */
export function ActorMergeChooserPage({ ctx, actors, form }: { ctx: PageContext; actors: Array<{ id: number; name: string }>; form: FormState }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const options = actors.map((a) => ({ value: String(a.id), label: a.name }));
  return (
    <Layout ctx={ctx} title={t('actor.merge.title')} crumbs={adminCrumbs(ctx)} area="admin">
      <h1 class="kern-heading-large">{t('actor.merge.title')}</h1>
      <p class="kern-body">{t('actor.merge.intro')}</p>
      <form method="get" action={paths.adminActorsMerge(slug)} class="form" novalidate>
        <ErrorSummary t={t} form={form} labels={{ behalten: t('actor.merge.keep'), aufnehmen: t('actor.merge.into') }} />
        <Select t={t} form={form} name="behalten" label={t('actor.merge.keep')} hint={t('actor.merge.keepHint')} options={options} empty={t('actor.merge.choose')} />
        <Select t={t} form={form} name="aufnehmen" label={t('actor.merge.into')} hint={t('actor.merge.intoHint')} options={options} empty={t('actor.merge.choose')} />
        <div class="actions">
          <SubmitButton label={t('actor.merge.next')} />
          <a class="kern-link" href={paths.adminActors(slug)}>{t('form.cancel')}</a>
        </div>
      </form>
    </Layout>
  );
}

/** What a merge does, before it is done; confirming posts both ids. */
export function ActorMergeConfirmPage(props: {
  ctx: PageContext;
  keep: { id: number; name: string; description: string; contact_email: string; website: string };
  gone: { id: number; name: string; description: string; contact_email: string; website: string };
  usage: ActorUsage;
}) {
  const { ctx, keep, gone } = props;
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const filled = (['description', 'contact_email', 'website'] as const).filter((k) => !keep[k] && gone[k]).map((k) => t(`actor.merge.field.${k}`));
  return (
    <Layout ctx={ctx} title={t('actor.merge.confirmTitle')} crumbs={adminCrumbs(ctx)} area="admin">
      <h1 class="kern-heading-large">{t('actor.merge.confirmTitle')}</h1>
      <p class="kern-body kern-body--bold">{t('actor.merge.what', { keep: keep.name, gone: gone.name })}</p>
      <h2 class="kern-heading-small">{t('actor.merge.follows', { keep: keep.name })}</h2>
      <ActorUsageList ctx={ctx} usage={props.usage} childrenKey="actor.merge.children" keep={keep.name} />
      <p class="kern-body">{filled.length ? t('actor.merge.filled', { fields: filled.join(', '), gone: gone.name, keep: keep.name }) : t('actor.merge.nothingFilled', { keep: keep.name })}</p>
      <p class="kern-body">{t('actor.merge.after', { gone: gone.name })}</p>
      <form method="post" action={paths.adminActorsMerge(slug)} class="actions">
        <Csrf token={ctx.csrfToken} />
        <input type="hidden" name="keep_id" value={String(keep.id)} />
        <input type="hidden" name="merge_id" value={String(gone.id)} />
        <SubmitButton label={t('actor.merge.confirm')} />
        <a class="kern-link" href={`${paths.adminActorsMerge(slug)}?behalten=${keep.id}&aufnehmen=${gone.id}&aendern=1`}>{t('actor.merge.change')}</a>
        <a class="kern-link" href={paths.adminActors(slug)}>{t('form.cancel')}</a>
      </form>
    </Layout>
  );
}

/** Actors no plan uses, for clean-up; `confirm` is the page that deletes them all. */
export function UnusedActorsPage({ ctx, actors, confirm }: { ctx: PageContext; actors: Array<{ id: number; name: string }>; confirm: boolean }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  const title = confirm ? t('actor.unused.confirmTitle', { count: actors.length }) : t('actor.unused.title');
  return (
    <Layout ctx={ctx} title={title} crumbs={adminCrumbs(ctx)} area="admin">
      <h1 class="kern-heading-large">{title}</h1>
      <p class="kern-body">{actors.length === 0 ? t('actor.unused.none') : t(confirm ? 'actor.unused.confirmIntro' : 'actor.unused.intro')}</p>
      {actors.length ? (
        <ul class="kern-list kern-list--bullet">
          {actors.map((a) => <li>{confirm ? a.name : <a class="kern-link" href={paths.adminActor(slug, a.id)}>{a.name}</a>}</li>)}
        </ul>
      ) : null}
      {actors.length && !confirm ? (
        <p class="actions"><a class="kern-btn kern-btn--secondary" href={paths.adminActorsUnusedDelete(slug)}><span class="kern-label">{t('actor.unused.deleteAll', { count: actors.length })}</span></a></p>
      ) : null}
      {actors.length && confirm ? (
        <form method="post" action={paths.adminActorsUnusedDelete(slug)} class="actions">
          <Csrf token={ctx.csrfToken} />
          {actors.map((a) => <input type="hidden" name="actor_id" value={String(a.id)} />)}
          <SubmitButton label={t('actor.unused.deleteNow', { count: actors.length })} />
          <a class="kern-link" href={paths.adminActorsUnused(slug)}>{t('form.cancel')}</a>
        </form>
      ) : null}
    </Layout>
  );
}
