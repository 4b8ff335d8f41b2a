import { paths } from './plan.paths.js';
import { StatusBadge } from '../../platform/views/components.js';
import { DataTable } from '../../platform/views/data-table.js';
import { Layout } from '../../platform/views/layout.js';
import type { PageContext } from '../../platform/views/page.js';
import type { ActorRow } from './actor.service.js';

export function ActorsPage({ ctx, actors, planTitle, admin }: { ctx: PageContext; actors: ActorRow[]; planTitle: string; admin?: boolean }) {
  const { t } = ctx;
  const slug = ctx.municipality!.slug;
  return (
    <Layout ctx={ctx} title={t('actor.directory')} area={admin ? 'admin' : 'public'} crumbs={admin ? [{ href: paths.admin(slug), label: t('admin.overview.title') }] : [{ href: paths.municipality(slug), label: planTitle }]}>
      <h1 class="kern-heading-large">{t('actor.directory')}</h1>
      {admin ? (
        <p class="actions">
          <a class="kern-btn kern-btn--primary" href={paths.adminActorNew(slug)}><span class="kern-label">{t('actor.new')}</span></a>
        </p>
      ) : null}
      {actors.length === 0 ? <p class="kern-body">{t('actor.none')}</p> : null}
      <DataTable
        caption={t('actor.directory')}
        columns={[{ label: t('actor.name') }, { label: t('actor.parent') }, { label: t('actor.leads'), numeric: true }, { label: t('actor.supports'), numeric: true }]}
        rows={actors.map((a) => [
          <a class="kern-link" href={admin ? paths.adminActor(slug, a.id) : paths.actor(slug, a.id)}>{a.name}</a>,
          a.parent_name ?? '',
          a.lead_count,
          a.partner_count,
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
            {m.text.length > 160 ? `${m.text.slice(0, 159)}…` : m.text}
          </a>
          <p class="kern-body"><StatusBadge t={t} category={m.status_category} label={m.status_label} /></p>
        </li>
      ))}
    </ul>
  );
  return (
    <Layout ctx={ctx} title={actor.name} crumbs={[{ href: paths.municipality(slug), label: props.planTitle }, { href: paths.actors(slug), label: t('actor.directory') }]}>
      <div class="stack-lg">
        <div class="stack">
          <h1 class="kern-heading-large">{actor.name}</h1>
          {actor.parent_id ? <p class="kern-body">{t('actor.partOf')} <a class="kern-link" href={paths.actor(slug, actor.parent_id)}>{actor.parent_name}</a></p> : null}
          {actor.description ? <p class="kern-body pre-line">{actor.description}</p> : null}
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
      </div>
    </Layout>
  );
}
