// KERN markup patterns for forms, errors and badges (tables: data-table.tsx). Every form re-renders with the person's input.
import type { Child } from 'hono/jsx';
import { errorText, type T } from '../i18n/i18n.js';

export { errorText };
import type { FormState } from './page.js';

/**
 * A field's hint followed by its length limit ("Höchstens 300 Zeichen."): two sentences, so a hint that ends
 * without a full stop (a list of examples) gets one before the limit follows.
 */
export function hintWithLimit(t: T, hint: string | undefined, max: number | undefined): string | undefined {
  const limit = max ? t('form.maxLength', { max }) : '';
  const first = hint?.trim() ?? '';
  if (!first) return limit || undefined;
  if (!limit) return first;
  return `${/[.!?…][“”"»’)]?$/.test(first) ? first : `${first}.`} ${limit}`;
}

/** Error summary at the top of a form: one link per field, focus target of the page (GOV.UK pattern). */
export function ErrorSummary({ t, form, labels }: { t: T; form: FormState; labels: Record<string, string> }) {
  const entries = Object.entries(form.errors);
  if (entries.length === 0) return null;
  return (
    <div class="kern-alert kern-alert--danger error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <div class="kern-alert__header">
        <span class="kern-icon kern-icon--danger" aria-hidden="true"></span>
        <h2 class="kern-title" id="error-summary-title">{t('form.errorSummary')}</h2>
      </div>
      <div class="kern-alert__body">
        <ul class="kern-list">
          {entries.map(([field, message]) => (
            <li>
              <a class="kern-link" href={`#${fieldId(field)}`}>
                {labels[field] ? `${labels[field]}: ` : ''}
                {errorText(t, message)}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

export const fieldId = (name: string) => `feld-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

interface FieldProps {
  t: T;
  form: FormState;
  name: string;
  label: string;
  hint?: string;
  optional?: boolean;
  /** A way out shown under the field's error (an existing entry of that name to open). */
  errorLink?: { href: string; label: string };
}

function FieldFrame({ t, form, name, label, hint, optional, errorLink, children }: FieldProps & { children: Child }) {
  const error = form.errors[name];
  const id = fieldId(name);
  return (
    <div class={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
      <label class="kern-label" for={id}>
        {label}
        {optional ? <span class="kern-label__optional"> – {t('form.optional')}</span> : null}
      </label>
      {hint ? (
        <div class="kern-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <p class="kern-error" id={`${id}-error`}>
          <span class="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true"></span>
          <span class="kern-body">{errorText(t, error)}</span>
          {errorLink ? <> <a class="kern-link" href={errorLink.href}>{errorLink.label}</a></> : null}
        </p>
      ) : null}
      {children}
    </div>
  );
}

function describedBy(form: FormState, name: string, hint?: string): string | undefined {
  const id = fieldId(name);
  const ids = [hint ? `${id}-hint` : '', form.errors[name] ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function TextField(props: FieldProps & { type?: string; autocomplete?: string; inputmode?: 'numeric' | 'text' | 'email'; width?: 'short'; maxLength?: number }) {
  const { form, name, hint, type = 'text' } = props;
  const error = form.errors[name];
  return (
    <FieldFrame {...props}>
      <input
        class={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}${props.width === 'short' ? ' kern-form-input__input--width-4' : ''}`}
        id={fieldId(name)}
        name={name}
        type={type}
        value={form.values[name] ?? ''}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        maxlength={props.maxLength}
        aria-describedby={describedBy(form, name, hint)}
        aria-invalid={error ? 'true' : undefined}
        required={props.optional ? undefined : true}
      />
    </FieldFrame>
  );
}

export function TextArea(props: FieldProps & { rows?: number; maxLength?: number; lang?: string; dir?: 'ltr' | 'rtl' }) {
  const { form, name, hint } = props;
  const error = form.errors[name];
  return (
    <FieldFrame {...props}>
      <textarea
        class={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`}
        id={fieldId(name)}
        name={name}
        rows={props.rows ?? 4}
        maxlength={props.maxLength}
        lang={props.lang}
        dir={props.dir}
        aria-describedby={describedBy(form, name, hint)}
        aria-invalid={error ? 'true' : undefined}
        required={props.optional ? undefined : true}
      >
        {form.values[name] ?? ''}
      </textarea>
    </FieldFrame>
  );
}

export function Select(props: FieldProps & { options: Array<{ value: string; label: string }>; empty?: string }) {
  const { form, name, hint, options } = props;
  const error = form.errors[name];
  const current = form.values[name] ?? '';
  return (
    <FieldFrame {...props}>
      <div class="kern-form-input__select-wrapper">
        <select
          class={`kern-form-input__select${error ? ' kern-form-input__select--error' : ''}`}
          id={fieldId(name)}
          name={name}
          aria-describedby={describedBy(form, name, hint)}
          aria-invalid={error ? 'true' : undefined}
        >
          {props.empty !== undefined ? <option value="">{props.empty}</option> : null}
          {options.map((o) => (
            <option value={o.value} selected={o.value === current}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    </FieldFrame>
  );
}

export function Checkbox({ t, form, name, label }: { t: T; form: FormState; name: string; label: string }) {
  const error = form.errors[name];
  return (
    <div class={`kern-form-check${error ? ' kern-form-check--error' : ''}`}>
      <input class="kern-form-check__checkbox" type="checkbox" id={fieldId(name)} name={name} value="1" checked={form.values[name] === '1' || form.values[name] === 'on'} />
      <label class="kern-label" for={fieldId(name)}>
        {label}
      </label>
      {error ? <p class="kern-error">{errorText(t, error)}</p> : null}
    </div>
  );
}

/** The form's CSRF token; none on a form for nobody in particular (sharedForm: its post is checked by its origin). */
export function Csrf({ token }: { token: string }) {
  return token ? <input type="hidden" name="_csrf" value={token} /> : null;
}

/** A small POST form with one button, for delete, move and state changes (works without JavaScript). */
export function ActionButton(props: {
  action: string;
  csrfToken: string;
  label: string;
  /** Extra text for screen readers, e.g. which item is moved. */
  srLabel?: string;
  fields?: Record<string, string>;
  variant?: 'primary' | 'secondary' | 'tertiary';
  /** `default`: as large as a form's buttons (beside links or another form's button); `x-small` in tables and lists */
  size?: 'default' | 'x-small';
}) {
  const size = props.size === 'default' ? '' : ' kern-btn--x-small';
  return (
    <form method="post" action={props.action} class="inline-form">
      <Csrf token={props.csrfToken} />
      {Object.entries(props.fields ?? {}).map(([k, v]) => (
        <input type="hidden" name={k} value={v} />
      ))}
      <button type="submit" class={`kern-btn kern-btn--${props.variant ?? 'secondary'}${size}`}>
        <span class="kern-label">{props.label}</span>
        {props.srLabel ? <span class="kern-sr-only"> {props.srLabel}</span> : null}
      </button>
    </form>
  );
}

export function SubmitButton({ label }: { label: string }) {
  return (
    <button type="submit" class="kern-btn kern-btn--primary">
      <span class="kern-label">{label}</span>
    </button>
  );
}

const BADGE_VARIANT: Record<string, string> = {
  completed: 'success',
  ongoing: 'success',
  in_progress: 'info',
  planned: 'info',
  not_started: 'warning',
  under_review: 'warning',
  discontinued: 'danger',
  unknown: 'info',
};

/** A status shown as text (category and the plan's own wording), never by colour alone. */
export function StatusBadge({ t, category, label }: { t: T; category: string; label?: string }) {
  const categoryText = t(`status.${category}`);
  return (
    <span class="status">
      <span class={`kern-badge kern-badge--${BADGE_VARIANT[category] ?? 'info'} status-badge status-badge--${category}`}>
        <span class="kern-label kern-label--small">{categoryText}</span>
      </span>
      {label && label !== categoryText ? <span class="status-label"> {label}</span> : null}
    </span>
  );
}

/**
 * A content text with the language attributes it needs: on a page in another language, German shown in place
 * of a missing translation is marked lang="de" dir="ltr" (i18n/content.ts textLang); otherwise no element at all.
 */
export function InLang({ attrs, children }: { attrs: { lang?: string; dir?: string }; children?: Child }) {
  return attrs.lang ? <span lang={attrs.lang} dir={attrs.dir}>{children}</span> : <>{children}</>;
}

/**
 * An interface sentence with elements in it (a content text that may need its own lang): the sentence is
 * translated with a placeholder per element, then cut there, so the words around stay the translator's.
 */
export function sentence(t: T, key: string, values: Record<string, string | number>, parts: Record<string, Child>): Child[] {
  const marks = Object.fromEntries(Object.keys(parts).map((name) => [name, `\u0000${name}\u0000`]));
  const pieces = t(key, { ...values, ...marks }).split('\u0000');
  // split keeps the names at the odd places
  return pieces.map((piece, i) => (i % 2 === 1 && piece in parts ? parts[piece] : piece));
}

/** Which page of a list an address asks for (`?seite=`), within 1…pages. */
export function pageParam(raw: string | undefined, pages: number): number {
  const n = Number(raw ?? '1');
  return Number.isInteger(n) && n >= 1 ? Math.min(n, Math.max(1, pages)) : 1;
}

/** Links to the previous and next page of a long list, and where the reader is ("Seite 2 von 5"). */
export function Pager({ t, page, pages, href }: { t: T; page: number; pages: number; href: (page: number) => string }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={t('pager.label')}>
      <ul class="inline-list">
        {page > 1 ? <li><a class="kern-link" href={href(page - 1)}>{t('pager.previous')}</a></li> : null}
        <li>{t('pager.pageOf', { page, pages })}</li>
        {page < pages ? <li><a class="kern-link" href={href(page + 1)}>{t('pager.next')}</a></li> : null}
      </ul>
    </nav>
  );
}
