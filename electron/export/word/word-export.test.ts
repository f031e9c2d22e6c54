import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { evaluateLicence } from '../../licence/evaluate-licence.js';
import { leaseOf } from '../../licence/test-support.js';
import { clientIds, licenceAllowing, reportTexts, testServices } from '../test-fixtures.js';
import { readDocx } from '../test-readers.js';
import { exportAllDossiersToWordZip, exportDossierToWord } from './word-export.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'thuisdossier-word-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('Word export of one dossier', () => {
  it('writes a .docx with Dutch headings, title page, marks and intact Dutch characters', async () => {
    const { services, audit } = testServices();
    const target = path.join(dir, 'dossier.docx');
    const progress: number[] = [];
    await exportDossierToWord(services, { target, clientId: clientIds.ijsbrand, onProgress: (p) => progress.push(p.fraction) });

    const { paragraphs } = readDocx(await readFile(target));
    const texts = paragraphs.map((p) => p.text);
    expect(paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual([
      'Personalia',
      'Contactpersonen',
      'Rapportages',
      'Agenda',
      'Tijdregistratie',
      'Documenten',
    ]);
    // Title page: organisation, date (Dutch, Amsterdam time: 09:30 UTC is 10:30 in winter), who exported.
    expect(texts).toContain('Cliëntdossier');
    expect(texts).toContain('Ĳsbrand van der Meulen');
    expect(texts).toContain('Organisatie: Thuiszorg Één & Co');
    expect(texts).toContain('Datum export: 24-11-2026 10:30');
    expect(texts).toContain('Geëxporteerd door: Anna Bakker');
    // Reports, with their marks; Dutch characters survive (ë, é, Ĳ as one letter).
    expect(texts).toContain(reportTexts.first);
    expect(texts).toContain(reportTexts.addendum);
    expect(texts.some((t) => t.includes('Afgetekend door Bram de Jong op 02-03-2026 13:00'))).toBe(true);
    expect(texts.some((t) => t.includes('Vastgezet door Bram de Jong op 03-03-2026 09:00'))).toBe(true);
    expect(texts.some((t) => t.includes('Addendum bij de rapportage van 02-03-2026 10:15'))).toBe(true);
    expect(paragraphs.some((p) => p.style === 'Heading3' && p.text.startsWith('02-03-2026 10:15 — '))).toBe(true);
    // Summer time: 13:30 UTC on 1 July is 15:30 in Amsterdam.
    expect(paragraphs.some((p) => p.style === 'Heading3' && p.text.startsWith('01-07-2026 15:30 — '))).toBe(true);
    // A restricted report of another author is not Anna's to read, so it is not in her export.
    expect(texts).not.toContain(reportTexts.restricted);
    // Personalia, contacts, agenda, time, documents index.
    expect(texts).toContain('15-06-1938');
    // One date style in the whole document: dd-mm-jjjj (with hh:mm for a moment), no month names.
    const dates = texts.join('\n').match(/\b\d{1,2}-\d{1,2}-\d{4}\b/g) ?? [];
    expect(dates.length).toBeGreaterThan(8);
    expect(dates.filter((date) => !/^\d{2}-\d{2}-\d{4}$/.test(date))).toEqual([]);
    expect(texts.join('\n')).not.toMatch(/\b\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\b/);
    expect(texts).toContain('Anneke de Vries-Ĳzerman');
    expect(texts).toContain('Huisbezoek wondzorg');
    expect(texts).toContain('45 minuten');
    expect(texts).toContain('Wmo 02A01 Begeleiding individueel');
    expect(texts).toContain('Zorgplan één.pdf');

    expect(progress.at(-1)).toBe(1);
    expect(audit).toEqual([{ action: 'E', clientId: clientIds.ijsbrand, fileKind: 'docx', fileName: 'dossier.docx', outcome: 'success', reason: null }]);
    expect(await readdir(dir)).toEqual(['dossier.docx']);
  });

  it('refuses a dossier the user may not read, logs the refusal, writes nothing', async () => {
    const { services, audit } = testServices();
    const target = path.join(dir, 'geheim.docx');
    await expect(exportDossierToWord(services, { target, clientId: clientIds.secret })).rejects.toMatchObject({ code: 'forbidden' });
    expect(audit).toEqual([{ action: 'E', clientId: clientIds.secret, fileKind: 'docx', fileName: 'geheim.docx', outcome: 'refused', reason: 'no-dossier-access' }]);
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses every export under a blocked lease', async () => {
    const blocked = evaluateLicence(leaseOf({ status: 'blocked', blockReason: 'overdue' }), new Date('2026-11-30T12:00:00Z'), null);
    const { services, audit } = testServices({ licence: licenceAllowing(blocked) });
    const target = path.join(dir, 'dossier.docx');
    await expect(exportDossierToWord(services, { target, clientId: clientIds.ijsbrand })).rejects.toMatchObject({ code: 'licence_blocked' });
    await expect(exportAllDossiersToWordZip(services, { target: path.join(dir, 'alle.zip') })).rejects.toMatchObject({ code: 'licence_blocked' });
    expect(audit.map((e) => [e.outcome, e.clientId, e.reason])).toEqual([
      ['refused', null, 'blocked'],
      ['refused', null, 'blocked'],
    ]);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('Word export of all dossiers', () => {
  it('zips one .docx per dossier the user may read, and logs each in one batch', async () => {
    const { services, audit, auditCalls } = testServices();
    const target = path.join(dir, 'alle dossiers.zip');
    const result = await exportAllDossiersToWordZip(services, { target });
    const entries = unzipSync(await readFile(target));
    expect(Object.keys(entries).sort()).toEqual(['D-000001 Meulen, Ĳsbrand van der.docx', 'D-000002 Jansen, Chloë.docx']);
    const chloe = readDocx(entries['D-000002 Jansen, Chloë.docx'] ?? new Uint8Array());
    expect(chloe.paragraphs.map((p) => p.text)).toContain('Chloë Jansen');
    expect(chloe.paragraphs.map((p) => p.text)).toContain('Geen rapportages.');
    expect(result.clientIds).toEqual([clientIds.ijsbrand, clientIds.chloe]);
    expect(audit.map((e) => [e.action, e.clientId, e.fileKind, e.outcome])).toEqual([
      ['E', clientIds.ijsbrand, 'zip', 'success'],
      ['E', clientIds.chloe, 'zip', 'success'],
    ]);
    expect(auditCalls).toEqual([2]); // one call: the store writes it in one transaction
  });

  it('leaves no file behind when cancelled, and logs nothing', async () => {
    const controller = new AbortController();
    const { services, audit } = testServices();
    const target = path.join(dir, 'alle.zip');
    const run = exportAllDossiersToWordZip(services, {
      target,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.fraction > 0) controller.abort(); // after the first dossier went into the zip
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
    expect(existsSync(target)).toBe(false);
    expect(await readdir(dir)).toEqual([]);
    expect(audit).toEqual([]);
  });
});
