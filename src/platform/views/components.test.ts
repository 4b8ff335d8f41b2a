// A field's hint and its length limit are two sentences.
import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/i18n.js';
import { hintWithLimit } from './components.js';

describe('hintWithLimit', () => {
  const t = translator('de');
  it('puts a full stop between a hint without one and the limit', () => {
    expect(hintWithLimit(t, 'Übliche Werte: Wird fortgesetzt, Entfällt', 300)).toBe('Übliche Werte: Wird fortgesetzt, Entfällt. Höchstens 300 Zeichen.');
  });
  it('keeps a hint that ends a sentence (also inside quotes) as it is', () => {
    expect(hintWithLimit(t, 'Zum Beispiel „2.0“ für eine Fortschreibung.', 40)).toBe('Zum Beispiel „2.0“ für eine Fortschreibung. Höchstens 40 Zeichen.');
    expect(hintWithLimit(t, 'Zum Beispiel „laufend.“', 40)).toBe('Zum Beispiel „laufend.“ Höchstens 40 Zeichen.');
  });
  it('gives the hint alone without a limit, the limit alone without a hint, and nothing without both', () => {
    expect(hintWithLimit(t, 'Leer lassen für heute', undefined)).toBe('Leer lassen für heute');
    expect(hintWithLimit(t, undefined, 300)).toBe('Höchstens 300 Zeichen.');
    expect(hintWithLimit(t, '  ', undefined)).toBeUndefined();
  });
});
