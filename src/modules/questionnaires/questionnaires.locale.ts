// Strings of the questionnaires module shared by its pages (German first). The builder, the answering and the
// results keep theirs in builder.locale.ts, answer.locale.ts and results.locale.ts; index.ts merges them.
export const questionnairesLocale = {
  de: {
    questionnaires: {
      nav: { admin: 'Befragungen', public: 'Befragungen' },
      state: { draft: 'Entwurf', published: 'Veröffentlicht', closed: 'Beendet' },
      access: { open: 'Offen für alle', codes: 'Nur mit Zugangscode' },
      type: {
        single: 'Einfachauswahl',
        multiple: 'Mehrfachauswahl',
        scale: 'Bewertungsskala',
        matrix: 'Matrix',
        ranking: 'Rangfolge',
        short_text: 'Freitext (kurz)',
        long_text: 'Freitext (lang)',
        number: 'Zahl',
        date: 'Datum',
      },
      demographic: {
        age: 'Altersgruppe',
        languages: 'Gesprochene Sprachen',
        years_in_germany: 'Jahre in Deutschland',
        district: 'Stadtteil',
      },
      source: { online: 'Online', paper: 'Papier' },
    },
  },
  en: {
    questionnaires: {
      nav: { admin: 'Questionnaires', public: 'Questionnaires' },
      state: { draft: 'Draft', published: 'Published', closed: 'Closed' },
      access: { open: 'Open to everyone', codes: 'Access code only' },
      type: {
        single: 'Single choice',
        multiple: 'Multiple choice',
        scale: 'Rating scale',
        matrix: 'Matrix',
        ranking: 'Ranking',
        short_text: 'Free text (short)',
        long_text: 'Free text (long)',
        number: 'Number',
        date: 'Date',
      },
      demographic: {
        age: 'Age group',
        languages: 'Languages spoken',
        years_in_germany: 'Years in Germany',
        district: 'District',
      },
      source: { online: 'Online', paper: 'Paper' },
    },
  },
};
