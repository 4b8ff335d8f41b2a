// The demo municipality's accessibility statement, filled as an officer would, and two pieces of feedback.
import type { DemoContext, Services } from '../../platform/module.js';

export async function addDemoStatement(services: Services, demo: DemoContext): Promise<void> {
  await services.accessibility.saveStatement(demo.municipalityId, {
    status: 'partial',
    items: [
      { content: 'Die Videos der Auftaktveranstaltung haben noch keine Untertitel.', reason: 'disproportionate_burden', justification: 'Die Untertitelung der drei Stunden Aufzeichnung ist für 2027 beauftragt.', alternative: 'Das Protokoll der Veranstaltung steht als barrierefreies Dokument auf der Seite der Phase „Auftakt“.' },
      { content: 'Einige ältere PDF-Dokumente (Ratsbeschluss 2019) sind nicht getaggt.', reason: 'out_of_scope', justification: 'Dokumente, die vor dem 23. September 2018 veröffentlicht wurden, sind ausgenommen, solange sie nicht für laufende Verfahren nötig sind.', alternative: 'Auf Anfrage senden wir Ihnen den Text als E-Mail oder lesen ihn am Telefon vor.' },
      { content: 'Die Startseite wird noch nicht in Deutscher Gebärdensprache erklärt.', reason: 'non_compliance', justification: 'Das Video ist in Arbeit.', alternative: 'Die Erklärung in Leichter Sprache steht bereit.' },
    ],
    prepared_on: '2026-01-15',
    reviewed_on: '2026-02-20',
    method: 'external',
    method_by: 'BIK BITV-Test, Prüfstelle Stuttgart',
    contact_email: 'barrierefreiheit@musterstadt.example',
    contact_phone: '01234 567-890',
    contact_address: 'Stadt Musterstadt\nKontaktstelle für Integration\nMarktplatz 1\n12345 Musterstadt',
    contact_lang: 'de',
    land: 'BW',
    use_shipped: true,
    body_name: '', body_address: '', body_web: '', body_email: '', body_phone: '',
    retention_days: 90,
  }, demo.by);
  await services.accessibility.submitFeedback(demo.municipalityId, { page: '/musterstadt', problem: 'Der Kontrast der grauen Hinweise ist für mich zu schwach.', name: '', email: '', honeypot: false }, 'de');
}
