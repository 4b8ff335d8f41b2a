// The one form page every simple entity uses (field, vision, goal, actor …): fields from a descriptor,
// error summary on top, the message at each field, the person's input kept.
import type { Child } from 'hono/jsx';
import { ActionButton, Checkbox, Csrf, ErrorSummary, errorText, fieldId, hintWithLimit, Select, SubmitButton, TextArea, TextField } from './components.js';
import { Layout, type Crumb } from './layout.js';
import type { FormState, PageContext } from './page.js';

export interface FormFieldSpec {
  name: string;
  label: string;
  kind: 'text' | 'textarea' | 'select' | 'checkbox' | 'checkboxes' | 'year' | 'month' | 'date' | 'number' | 'email' | 'url';
  hint?: string;
  optional?: boolean;
  options?: Array<{ value: string; label: string }>;
  empty?: string;
  /** the schema's limit for a text, stated in the hint and given to the browser as `maxlength` */
  maxLength?: number;
  /** Shown with the field's error: a link to an existing entry (a name already taken). */
  errorLink?: { href: string; label: string };
}

export function FormFields({ ctx, form, fields }: { ctx: PageContext; form: FormState; fields: FormFieldSpec[] }) {
  const { t } = ctx;
  return (
    <>
      {fields.map((f) => {
        const hint = hintWithLimit(t, f.hint, f.maxLength);
        const common = { t, form, name: f.name, label: f.label, hint, optional: f.optional, maxLength: f.maxLength, errorLink: f.errorLink };
        switch (f.kind) {
          case 'textarea':
            return <TextArea {...common} rows={5} />;
          case 'select':
            return <Select {...common} options={f.options ?? []} empty={f.empty} />;
          case 'checkbox':
            return <Checkbox t={t} form={form} name={f.name} label={f.label} />;
          case 'checkboxes': {
            const chosen = new Set((form.values[f.name] ?? '').split(',').filter(Boolean));
            return (
              <fieldset class={`kern-fieldset${form.errors[f.name] ? ' kern-fieldset--error' : ''}`} id={fieldId(f.name)}>
                <legend class="kern-label">{f.label}</legend>
                {f.hint ? <div class="kern-hint">{f.hint}</div> : null}
                {form.errors[f.name] ? <p class="kern-error">{errorText(t, form.errors[f.name])}</p> : null}
                <div class="kern-fieldset__body checkbox-list">
                  {(f.options ?? []).map((o) => (
                    <div class="kern-form-check">
                      <input class="kern-form-check__checkbox" type="checkbox" id={`${fieldId(f.name)}-${o.value}`} name={f.name} value={o.value} checked={chosen.has(o.value)} />
                      <label class="kern-label" for={`${fieldId(f.name)}-${o.value}`}>{o.label}</label>
                    </div>
                  ))}
                </div>
              </fieldset>
            );
          }
          case 'year':
          case 'number':
            return <TextField {...common} inputmode="numeric" width="short" />;
          case 'month':
            return <TextField {...common} width="short" />;
          case 'date':
            return <TextField {...common} type="date" width="short" />;
          case 'email':
            return <TextField {...common} type="email" inputmode="email" />;
          default:
            return <TextField {...common} />;
        }
      })}
    </>
  );
}

/** A form of descriptor fields: error summary first, the CSRF token, the fields, the submit button. */
export function FieldsForm(props: { ctx: PageContext; action: string; form: FormState; fields: FormFieldSpec[]; submitLabel: string; cancelHref?: string }) {
  const { ctx } = props;
  const labels = Object.fromEntries(props.fields.map((f) => [f.name, f.label]));
  return (
    <form method="post" action={props.action} class="form" novalidate>
      <ErrorSummary t={ctx.t} form={props.form} labels={labels} />
      <Csrf token={ctx.csrfToken} />
      <FormFields ctx={ctx} form={props.form} fields={props.fields} />
      <div class="actions">
        <SubmitButton label={props.submitLabel} />
        {props.cancelHref ? <a class="kern-link" href={props.cancelHref}>{ctx.t('form.cancel')}</a> : null}
      </div>
    </form>
  );
}

export function EntityFormPage(props: {
  ctx: PageContext;
  title: string;
  crumbs: Crumb[];
  action: string;
  fields: FormFieldSpec[];
  form: FormState;
  submitLabel: string;
  cancelHref: string;
  intro?: string;
  /** The item's own moves and its delete link: they sit here, not on every row of the list it belongs to. */
  itemActions?: { label: string; movePath?: string; deletePath?: string };
}) {
  const { ctx } = props;
  const actions = props.itemActions;
  return (
    <Layout ctx={ctx} title={props.title} crumbs={props.crumbs} area="admin">
      <h1 class="kern-heading-large">{props.title}</h1>
      {props.intro ? <p class="kern-body">{props.intro}</p> : null}
      <FieldsForm ctx={ctx} action={props.action} form={props.form} fields={props.fields} submitLabel={props.submitLabel} cancelHref={props.cancelHref} />
      {actions && (actions.movePath || actions.deletePath) ? (
        <section aria-labelledby="item-actions-title" class="stack">
          <h2 class="kern-heading-small" id="item-actions-title">{ctx.t('form.actions')}</h2>
          <div class="actions">
            {actions.movePath ? (
              <>
                <ActionButton action={actions.movePath} csrfToken={ctx.csrfToken} label={ctx.t('form.up')} srLabel={actions.label} fields={{ direction: 'up' }} variant="tertiary" size="default" />
                <ActionButton action={actions.movePath} csrfToken={ctx.csrfToken} label={ctx.t('form.down')} srLabel={actions.label} fields={{ direction: 'down' }} variant="tertiary" size="default" />
              </>
            ) : null}
            {actions.deletePath ? <a class="kern-link" href={actions.deletePath}>{ctx.t('form.delete')}<span class="kern-sr-only"> {actions.label}</span></a> : null}
          </div>
        </section>
      ) : null}
    </Layout>
  );
}

export function ConfirmDeletePage(props: { ctx: PageContext; title: string; crumbs: Crumb[]; what: string; action: string; cancelHref: string; consequence?: string; details?: Child; choices?: Child }) {
  const { ctx } = props;
  const { t } = ctx;
  const buttons = (
    <>
      <button type="submit" class="kern-btn kern-btn--primary">
        <span class="kern-label">{t('form.deleteNow')}</span>
      </button>
      <a class="kern-link" href={props.cancelHref}>{t('form.cancel')}</a>
    </>
  );
  return (
    <Layout ctx={ctx} title={props.title} crumbs={props.crumbs} area="admin">
      <h1 class="kern-heading-large">{props.title}</h1>
      <p class="kern-body">{t('form.confirmDelete', { what: props.what })}</p>
      {props.consequence ? <p class="kern-body kern-body--bold">{props.consequence}</p> : null}
      {props.details ?? null}
      <form method="post" action={props.action} class={props.choices ? 'form' : 'actions'}>
        <Csrf token={ctx.csrfToken} />
        {props.choices ?? null}
        {props.choices ? <div class="actions">{buttons}</div> : buttons}
      </form>
    </Layout>
  );
}
