// File names of downloads: plain ASCII, so that every browser and mail program keeps them as they are.

/** "Integrationskonzept Musterstadt 2.0" → "integrationskonzept-musterstadt-2-0" (at most 60 characters). */
export function asciiFileName(text: string, fallback = 'plan'): string {
  return (
    text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/ß/g, 'ss').replace(/[^a-zA-Z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 60) || fallback
  );
}
