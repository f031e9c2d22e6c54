import { BorderStyle, HeadingLevel, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

/** Small builders, so the dossier layout reads as a list of sections rather than docx plumbing. */

export function heading(text: string, level: 1 | 2 | 3 = 1): Paragraph {
  const headingLevel = level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3;
  return new Paragraph({ text, heading: headingLevel, spacing: { before: level === 1 ? 360 : 240, after: 120 } });
}

export function paragraph(text: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}): Paragraph {
  return new Paragraph({ children: [new TextRun({ text, ...options })], spacing: { after: 80 } });
}

/** Multi-line text (a report body) as one paragraph per line, so line breaks survive. */
export function textBlock(text: string): Paragraph[] {
  return text.split(/\r?\n/).map((line) => new Paragraph({ children: [new TextRun(line)], spacing: { after: 60 } }));
}

export function emptyNote(text: string): Paragraph {
  return paragraph(text, { italics: true });
}

/** A full-width table with a repeated, bold header row (it repeats on every printed page). */
export function dataTable(headers: readonly string[], rows: readonly (readonly string[])[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((header) => cell(header, true)) }),
      ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((value) => cell(value, false)) })),
    ],
  });
}

/** Label/value pairs (personalia) as a two-column table without a header. */
export function labelTable(pairs: readonly (readonly [string, string])[]): Table {
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
    rows: pairs.map(
      ([label, value]) =>
        new TableRow({
          children: [
            new TableCell({ width: { size: 30, type: WidthType.PERCENTAGE }, children: [paragraph(label, { bold: true })] }),
            new TableCell({ width: { size: 70, type: WidthType.PERCENTAGE }, children: [paragraph(value)] }),
          ],
        }),
    ),
  });
}

function cell(text: string, bold: boolean): TableCell {
  return new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold, size: 18 })] })] });
}
