// The form fields of a municipality's settings, shared by the instance admin (new municipality) and the
// municipality admin (settings).
import type { Ctx } from '../../platform/http/kit.js';
import type { FormFieldSpec } from '../../platform/views/entity-form.view.js';

export function settingsFields(c: Ctx): FormFieldSpec[] {
  const t = c.get('t');
  return [
    { name: 'name', label: t('settings.name'), kind: 'text' },
    { name: 'office_name', label: t('settings.officeName'), kind: 'text', optional: true, hint: t('settings.officeHint') },
    { name: 'contact_person', label: t('settings.contactPerson'), kind: 'text', optional: true },
    { name: 'contact_email', label: t('settings.contactEmail'), kind: 'email', optional: true },
    { name: 'contact_phone', label: t('settings.contactPhone'), kind: 'text', optional: true },
    { name: 'contact_address', label: t('settings.contactAddress'), kind: 'textarea', optional: true },
  ];
}
