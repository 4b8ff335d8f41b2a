// The demo municipality's translations: the plan's title, the field "Arbeit", its first goal and measures in
// English, Turkish and Arabic, reviewed; one outdated (made from an older German), one machine draft; the
// participation process's title, two of its phases and an event.
import { sourceHash } from '../../platform/i18n/content.js';
import type { DemoContext, Services } from '../../platform/module.js';
import type { TextWrite } from './translation.repository.js';

type Texts = { en: string; tr: string; ar: string };

export async function translationDemo(services: Services, { municipalityId, by }: DemoContext): Promise<void> {
  const plan = await services.plans.findCurrentPublishedPlan(municipalityId);
  if (!plan) return;
  const tree = await services.plans.tree(municipalityId, plan.id);
  const field = tree.fields[0];
  const goal = field?.goals[0];
  const measures = field ? [...field.goals.flatMap((g) => g.measures), ...field.furtherMeasures] : [];
  if (!field || !goal || measures.length < 3) return;
  const writes: TextWrite[] = [];
  const reviewed = (entityType: string, entityId: number, fieldName: string, source: string, texts: Texts) => {
    for (const [lang, text] of Object.entries(texts)) {
      writes.push({ entityType, entityId, field: fieldName, lang, text, sourceHash: sourceHash(source), sourceText: source, state: 'reviewed', origin: 'person', provider: '', reviewedBy: null, reviewedAt: null });
    }
  };
  reviewed('plan', plan.id, 'title', plan.title, { en: 'Integration plan of Musterstadt (demo)', tr: 'Musterstadt Uyum Planı (Demo)', ar: 'خطة الاندماج لمدينة موسترشتات (تجريبية)' });
  reviewed('field', field.id, 'title', field.title, { en: 'Work', tr: 'Çalışma', ar: 'العمل' });
  reviewed('goal', goal.id, 'text', goal.text, {
    en: 'Placing refugees and people with a migration background in (fair) work',
    tr: 'Mültecileri ve göç geçmişi olan kişileri (adil) işlere yerleştirmek',
    ar: 'توظيف اللاجئين والأشخاص من أصول مهاجرة في عمل (عادل)',
  });
  reviewed('measure', measures[0].id, 'text', measures[0].text, {
    en: "Expanding the job centre's support instruments such as individual coaching, in particular to place the long-term unemployed in work",
    tr: 'Özellikle uzun süreli işsizleri işe yerleştirmek için iş merkezinin bireysel koçluk gibi destek araçlarının genişletilmesi',
    ar: 'توسيع أدوات الدعم في مركز التوظيف مثل التدريب الفردي، لا سيما لإدماج العاطلين عن العمل لفترة طويلة في سوق العمل',
  });
  reviewed('measure', measures[1].id, 'text', measures[1].text, {
    en: 'Expanding low-threshold offers for integration into the labour market',
    tr: 'İşgücü piyasasına uyum için düşük eşikli hizmetlerin genişletilmesi',
    ar: 'توسيع العروض الميسّرة للاندماج في سوق العمل',
  });
  // Made from an older German: outdated, so the page shows today's German.
  const older = 'Wiederaufnahme des Projekts „Integration durch Arbeit“';
  writes.push({ entityType: 'measure', entityId: measures[2].id, field: 'text', lang: 'en', text: 'Resuming the project “Integration through work”', sourceHash: sourceHash(older), sourceText: older, state: 'reviewed', origin: 'person', provider: '', reviewedBy: null, reviewedAt: null });
  // A machine's draft, waiting for a person's review.
  writes.push({
    entityType: 'measure', entityId: measures[2].id, field: 'text', lang: 'ar', text: 'استئناف مشروع „الاندماج من خلال العمل والتدريب“ للمساعدة في عملية التقديم على الوظائف والاندماج في العمل',
    sourceHash: sourceHash(measures[2].text), sourceText: measures[2].text, state: 'draft', origin: 'machine', provider: 'LibreTranslate', reviewedBy: null, reviewedAt: null,
  });
  // The participation process: its title and two phases, so the timeline shows both translated and German texts.
  const timeline = await services.processes.publicTimeline(municipalityId);
  if (timeline) {
    reviewed('process', timeline.process.id, 'title', timeline.process.title, {
      en: 'Together towards the integration plan – the participation process',
      tr: 'Birlikte uyum planına – katılım süreci',
      ar: 'معًا نحو خطة الاندماج – عملية المشاركة',
    });
    const phase = (kind: string) => timeline.phases.find((p) => p.kind === kind);
    const kickoff = phase('kickoff');
    if (kickoff) reviewed('phase', kickoff.id, 'title', kickoff.title, { en: 'Kick-off', tr: 'Başlangıç', ar: 'الانطلاق' });
    const workshops = phase('workshops');
    if (workshops) {
      reviewed('phase', workshops.id, 'title', workshops.title, { en: 'Workshops in the fields of action', tr: 'Eylem alanlarında atölyeler', ar: 'ورش العمل في مجالات العمل' });
      for (const e of workshops.events.slice(0, 1)) reviewed('event', e.id, 'title', e.title, { en: 'Workshop (demo)', tr: 'Atölye (demo)', ar: 'ورشة عمل (تجريبية)' });
    }
  }
  await services.translations.seed(municipalityId, writes, by);
}
