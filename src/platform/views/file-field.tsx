// A file input in KERN markup with its hint and error. A browser never keeps a chosen file when a form comes
// back with an error, so the field shows only the hint and the message; the other fields keep what was typed.
import { errorText, type T } from '../i18n/i18n.js';
import { fieldId } from './components.js';
import type { FormState } from './page.js';

export function FileField({ t, form, name, label, hint, accept }: { t: T; form: FormState; name: string; label: string; hint: string; accept: string }) {
  const id = fieldId(name);
  const error = form.errors[name];
  return (
    <div class={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
      <label class="kern-label" for={id}>{label}</label>
      <div class="kern-hint" id={`${id}-hint`}>{hint}</div>
      {error ? <p class="kern-error" id={`${id}-error`}><span class="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true"></span><span class="kern-body">{errorText(t, error)}</span></p> : null}
      <input class="kern-form-input__input" type="file" id={id} name={name} accept={accept} aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`} aria-invalid={error ? 'true' : undefined} />
    </div>
  );
}
