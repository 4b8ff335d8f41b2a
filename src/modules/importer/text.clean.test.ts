import { describe, expect, it } from 'vitest';
import { cleanText, oneLine } from './text.clean.js';

describe('cell text', () => {
  it('turns HTML residue and inline bullets into "• " lines', () => {
    expect(cleanText('Offenheit: <ul style="list-style-type: none"> • A • B&nbsp;C')).toBe('Offenheit:\n• A\n• B C');
    expect(cleanText('<p>Eins</p><ul><li>a</li><li>b &amp; c</li></ul>')).toBe('Eins\n• a\n• b & c');
  });

  it('normalises dashes as bullets, spaces and hyphenation', () => {
    expect(cleanText('Liste:\r\n- eins\n-  zwei')).toBe('Liste:\n• eins\n• zwei');
    expect(cleanText('Bevölke-\nrung  wächst\u00a0stark')).toBe('Bevölkerung wächst stark');
    expect(cleanText('Kinder- und Jugendarbeit')).toBe('Kinder- und Jugendarbeit');
  });

  it('flattens a cell to one line', () => {
    expect(oneLine('Wird\nfortgesetzt')).toBe('Wird fortgesetzt');
    expect(oneLine('• A\n• B')).toBe('A B');
  });
});
