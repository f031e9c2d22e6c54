import { DOMParser } from '@xmldom/xmldom';
import { unzipSync, strFromU8 } from 'fflate';

/**
 * For tests only: read a .docx the way any other program would — unzip it and parse its XML —
 * never through the library that wrote it.
 */
export interface DocxParagraph {
  style: string | null;
  text: string;
}

export function readDocx(bytes: Uint8Array): { paragraphs: DocxParagraph[]; files: string[]; coreXml: string } {
  const files = unzipSync(bytes);
  const documentXml = files['word/document.xml'];
  if (!documentXml) throw new Error('no word/document.xml in the .docx');
  const doc = new DOMParser().parseFromString(strFromU8(documentXml), 'text/xml');
  const paragraphs: DocxParagraph[] = [];
  const nodes = doc.getElementsByTagName('w:p');
  for (let i = 0; i < nodes.length; i += 1) {
    const p = nodes.item(i);
    if (!p) continue;
    const style = p.getElementsByTagName('w:pStyle').item(0)?.getAttribute('w:val') ?? null;
    const texts = p.getElementsByTagName('w:t');
    let text = '';
    for (let j = 0; j < texts.length; j += 1) text += texts.item(j)?.textContent ?? '';
    paragraphs.push({ style, text });
  }
  return { paragraphs, files: Object.keys(files), coreXml: strFromU8(files['docProps/core.xml'] ?? new Uint8Array()) };
}
