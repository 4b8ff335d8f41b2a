// Strings of the importer's parsing and validation, German first: every problem and warning a catalogue can
// produce, with the file, row and column it names. The upload and preview pages use the platform's `import.*`.
// The header names the detection recognises ("Ziel", "Maßnahme" …) are German whatever the interface language:
// they are what German catalogues and our own exports say, so the English messages name them as they are.

const de = {
  /** The name a pasted text goes by in messages and in the preview. */
  pastedText: 'eingefügter Text',
  pastedFileName: 'eingefügter Text.txt',
  /** Where a warning is in a PDF, before "Zeile 12". */
  placePage: 'Seite {{page}}',
  /** A quoted piece of the source in a list ("„Spalte A“, „Spalte B“"). */
  quoted: '„{{text}}“',
  /** The column roles, as the preview offers them and as warnings name a column without a header of its own. */
  column: {
    field: 'Handlungsfeld',
    goal: 'Ziel',
    number: 'Nr.',
    measure: 'Maßnahme',
    actors: 'Akteure',
    partners: 'Kooperationspartner',
    status: 'Status',
    timeframe: 'Zeitraum',
    notes: 'Bemerkung',
  },
  read: {
    emptyText: 'Der eingefügte Text ist leer.',
    empty: 'Die Datei „{{file}}“ ist leer.',
    binary: 'Die Datei „{{file}}“ enthält keinen lesbaren Text (Binärdaten). Erwartet werden .xlsx, .docx, .pdf, .csv oder .txt.',
    tooLarge: 'Die Datei „{{file}}“ ist zu groß (erlaubt sind höchstens {{mb, number(maximumFractionDigits: 1)}} MB).',
    tooManyRows: 'Die Datei „{{file}}“ hat {{rows}} Zeilen; erlaubt sind höchstens {{max}}.',
    tooComplex: 'Die Datei „{{file}}“ ist zu umfangreich: entpackt enthält sie mehr als {{mb, number(maximumFractionDigits: 1)}} MB Text oder zu viele Zellen. Bitte teilen Sie sie auf oder speichern Sie nur die Tabelle mit den Maßnahmen.',
    kind: { docx: 'Word-Datei', xlsx: 'Excel-Datei', office: 'Office-Datei', pdf: 'PDF-Datei' },
    damaged: 'Die Datei „{{file}}“ ist keine gültige {{kind}} (beschädigt oder unvollständig).',
    damagedDetail: 'Die Datei „{{file}}“ ist keine gültige {{kind}} (beschädigt oder unvollständig: {{detail}}).',
    bomb: 'Die Datei „{{file}}“ wurde abgelehnt: Sie würde entpackt ungewöhnlich groß ({{detail}}). Bitte speichern Sie die Datei neu oder teilen Sie sie auf.',
    encrypted: 'Die Datei „{{file}}“ ist passwortgeschützt. Bitte speichern Sie sie ohne Kennwort.',
    unsupportedZip: 'Die Datei „{{file}}“ verwendet ein nicht unterstütztes Zip-Format ({{detail}}).',
    powerpoint: 'Die Datei „{{file}}“ ist eine PowerPoint-Präsentation. Erwartet werden .xlsx, .docx, .pdf, .csv oder .txt.',
    otherZip: 'Die Datei „{{file}}“ ist ein Zip-Archiv, aber weder eine Excel- noch eine Word-Datei.',
    oldOffice: 'Die Datei „{{file}}“ ist passwortgeschützt oder im alten Office-Format (.xls/.doc). Bitte speichern Sie sie ohne Kennwort als .xlsx oder .docx.',
    pdfTooComplex: 'Die PDF-Datei „{{file}}“ wurde abgelehnt: Sie würde entpackt ungewöhnlich groß. Bitte speichern Sie sie neu oder teilen Sie sie auf.',
    pdfNoText:
      'Die PDF-Datei „{{file}}“ enthält keinen Text (eingescannt?). Bitte laden Sie die Originaldatei (Word, Excel) hoch oder ein PDF mit Textebene, etwa nach einer Texterkennung (OCR).',
    unreadable: 'Die Datei „{{file}}“ konnte nicht gelesen werden ({{detail}}).',
    noMeasures: 'In der Datei „{{file}}“ wurde keine Maßnahme gefunden.',
    invalidStructure: 'Ungültiger Aufbau ({{path}}): {{message}}',
  },
  /** What is wrong with a zip archive, inside the messages above. */
  zip: {
    tooShort: 'zu kurz',
    noDirectory: 'Inhaltsverzeichnis fehlt',
    directoryOutside: 'Inhaltsverzeichnis außerhalb der Datei',
    directoryDamaged: 'Inhaltsverzeichnis beschädigt',
    entries: '{{n}} Einträge',
    totalDeclared: 'mehr als {{bytes}} Bytes entpackt',
    ratio: '{{name}}: Verhältnis {{ratio}}:1',
    entry: 'Eintrag {{name}}',
    entryTruncated: 'Eintrag {{name}} abgeschnitten',
    method: 'Kompressionsverfahren {{method}}',
    totalSize: 'Gesamtgröße',
  },
  /** Our own exchange format (JSON) coming back in. */
  json: {
    tooLarge: 'Die Datei „{{file}}“ ist größer als erlaubt.',
    invalid: 'Die Datei „{{file}}“ ist kein gültiges JSON: {{detail}}',
    field: 'Feld „{{path}}“: {{message}}',
  },
  layout: {
    noMeasureColumn: 'Keine Spalte für die Maßnahme erkannt. Gefundene Spalten: {{columns}}.',
    noTable: 'Keine Tabelle mit Maßnahmen erkannt. Erwartet wird eine Kopfzeile mit Spalten wie „Ziel“, „Nr.“, „Maßnahme“, „Akteure“ und „Status“.',
  },
  /** Warnings on a row: the place (sheet, row, column) is not part of the message; the preview and the CLI put it in front. */
  warning: {
    unknownStatus: 'Die Angabe „{{label}}“ ist keiner Kategorie zugeordnet.',
    noActors: 'Die Maßnahme hat keine Akteure.',
    unsureActor: '„{{name}}“ ist als ein Akteur übernommen; bitte prüfen.',
    fragmentActor: '„{{name}}“ ist vermutlich keine Organisation, sondern eine Gruppe, ein Ort oder ein Teil einer Aufzählung; übernommen, bitte prüfen.',
    duplicateNumber: 'Die Nummer {{number}} kommt schon in Zeile {{earlier}} vor.',
    numberDropped: '„{{text}}“ ist keine Nummer (höchstens 20 Zeichen, mit Ziffer oder Buchstabe) und wurde nicht übernommen; die Maßnahme hat keine Nummer.',
    subheadingSkipped: 'Die Zwischenüberschrift „{{text}}“ wurde nicht übernommen.',
    headingAsField: '„{{text}}“ sieht wie eine Überschrift aus und wurde als Handlungsfeld übernommen.',
    outsideTable: 'Der Text „{{text}}“ steht außerhalb der Tabelle und wurde nicht übernommen.',
    noMeasure: 'Keine Maßnahme angegeben; die Zeile wurde übersprungen.',
    sheetSkipped: 'Blatt „{{sheet}}“ enthält keine Maßnahmen und wurde übersprungen.',
  },
};

const en: typeof de = {
  pastedText: 'pasted text',
  pastedFileName: 'pasted text.txt',
  placePage: 'page {{page}}',
  quoted: '“{{text}}”',
  column: {
    field: 'Field of action',
    goal: 'Goal',
    number: 'No.',
    measure: 'Measure',
    actors: 'Actors',
    partners: 'Partners',
    status: 'Status',
    timeframe: 'Timeframe',
    notes: 'Remark',
  },
  read: {
    emptyText: 'The pasted text is empty.',
    empty: 'The file “{{file}}” is empty.',
    binary: 'The file “{{file}}” contains no readable text (binary data). Expected are .xlsx, .docx, .pdf, .csv or .txt.',
    tooLarge: 'The file “{{file}}” is too large (at most {{mb, number(maximumFractionDigits: 1)}} MB are allowed).',
    tooManyRows: 'The file “{{file}}” has {{rows}} rows; at most {{max}} are allowed.',
    tooComplex: 'The file “{{file}}” is too large to read: unpacked, it holds more than {{mb, number(maximumFractionDigits: 1)}} MB of text or too many cells. Please split it, or save only the table of measures.',
    kind: { docx: 'Word file', xlsx: 'Excel file', office: 'Office file', pdf: 'PDF file' },
    damaged: 'The file “{{file}}” is not a valid {{kind}} (damaged or incomplete).',
    damagedDetail: 'The file “{{file}}” is not a valid {{kind}} (damaged or incomplete: {{detail}}).',
    bomb: 'The file “{{file}}” was refused: unpacked, it would be unusually large ({{detail}}). Please save the file again or split it up.',
    encrypted: 'The file “{{file}}” is password-protected. Please save it without a password.',
    unsupportedZip: 'The file “{{file}}” uses an unsupported zip format ({{detail}}).',
    powerpoint: 'The file “{{file}}” is a PowerPoint presentation. Expected are .xlsx, .docx, .pdf, .csv or .txt.',
    otherZip: 'The file “{{file}}” is a zip archive, but neither an Excel nor a Word file.',
    oldOffice: 'The file “{{file}}” is password-protected or in the old Office format (.xls/.doc). Please save it without a password as .xlsx or .docx.',
    pdfTooComplex: 'The PDF file “{{file}}” was refused: unpacked, it would be unusually large. Please save it again or split it up.',
    pdfNoText:
      'The PDF file “{{file}}” contains no text (scanned?). Please upload the original file (Word, Excel) or a PDF with a text layer, for instance after text recognition (OCR).',
    unreadable: 'The file “{{file}}” could not be read ({{detail}}).',
    noMeasures: 'No measure was found in the file “{{file}}”.',
    invalidStructure: 'Invalid structure ({{path}}): {{message}}',
  },
  zip: {
    tooShort: 'too short',
    noDirectory: 'table of contents missing',
    directoryOutside: 'table of contents outside the file',
    directoryDamaged: 'table of contents damaged',
    entries: '{{n}} entries',
    totalDeclared: 'more than {{bytes}} bytes unpacked',
    ratio: '{{name}}: ratio {{ratio}}:1',
    entry: 'entry {{name}}',
    entryTruncated: 'entry {{name}} cut off',
    method: 'compression method {{method}}',
    totalSize: 'total size',
  },
  json: {
    tooLarge: 'The file “{{file}}” is larger than allowed.',
    invalid: 'The file “{{file}}” is not valid JSON: {{detail}}',
    field: 'Field “{{path}}”: {{message}}',
  },
  layout: {
    noMeasureColumn: 'No column for the measure was recognised. Columns found: {{columns}}.',
    noTable: 'No table of measures was recognised. Expected is a header row with German column names such as “Ziel” (goal), “Nr.” (number), “Maßnahme” (measure), “Akteure” (actors) and “Status”.',
  },
  warning: {
    unknownStatus: 'The entry “{{label}}” is not assigned to any category.',
    noActors: 'The measure has no actors.',
    unsureActor: '“{{name}}” was taken as one actor; please check.',
    fragmentActor: '“{{name}}” is probably not an organisation but a group, a place or part of a list; it was kept, please check.',
    duplicateNumber: 'The number {{number}} already occurs in row {{earlier}}.',
    numberDropped: '“{{text}}” is not a number (at most 20 characters, with a digit or letter) and was not kept; the measure has no number.',
    subheadingSkipped: 'The subheading “{{text}}” was not imported.',
    headingAsField: '“{{text}}” looks like a heading and was imported as a field of action.',
    outsideTable: 'The text “{{text}}” is outside the table and was not imported.',
    noMeasure: 'No measure given; the row was skipped.',
    sheetSkipped: 'Sheet “{{sheet}}” contains no measures and was skipped.',
  },
};

export const importerLocale = { de: { importer: de }, en: { importer: en } };
