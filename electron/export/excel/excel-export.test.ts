import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { evaluateLicence } from '../../licence/evaluate-licence.js';
import { leaseOf } from '../../licence/test-support.js';
import { clientIds, licenceAllowing, reportTexts, testServices } from '../test-fixtures.js';
import { exportAllDossiersToExcel } from './excel-export.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'thuisdossier-excel-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Reads back with exceljs' own reader: a different code path from the streaming writer. */
async function readWorkbook(file: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

function rowValues(sheet: ExcelJS.Worksheet, row: number): unknown[] {
  const values = sheet.getRow(row).values;
  return Array.isArray(values) ? values.slice(1) : [];
}

describe('Excel export of all dossiers', () => {
  it('writes one workbook with a sheet per kind, typed cells, frozen and filtered headers', async () => {
    const { services, audit } = testServices();
    const target = path.join(dir, 'dossiers.xlsx');
    const steps: string[] = [];
    const result = await exportAllDossiersToExcel(services, { target, onProgress: (p) => steps.push(p.step) });

    const workbook = await readWorkbook(target);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Cliënten', 'Contacten', 'Rapportages', 'Agenda', 'Tijdregistratie', 'Documenten']);
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter).toBeTruthy();
      expect(sheet.getRow(1).font?.bold).toBe(true);
      expect(sheet.getColumn(1).width).toBeGreaterThan(8);
    }

    const clientsSheet = workbook.getWorksheet('Cliënten');
    if (!clientsSheet) throw new Error('no Cliënten sheet');
    expect(clientsSheet.autoFilter).toBe('A1:R1');
    expect(clientsSheet.rowCount).toBe(3); // header + the two dossiers Anna may read
    const first = rowValues(clientsSheet, 2);
    expect(first.slice(0, 4)).toEqual(['D-000001', 'Meulen', 'van der', 'Ĳsbrand']);
    expect(first[4]).toBeInstanceOf(Date);
    expect((first[4] as Date).toISOString()).toBe('1938-06-15T00:00:00.000Z');
    // A real date cell, shown in the same style as the Word export: 15-06-1938.
    expect(clientsSheet.getRow(2).getCell(5).type).toBe(ExcelJS.ValueType.Date);
    expect(clientsSheet.getRow(2).getCell(5).numFmt).toBe('dd-mm-yyyy');
    expect(first[5]).toBe('012345672'); // BSN stays text: the leading zero survives
    expect(first[13]).toBe('Huisartsenpraktijk De Ĳssel');
    expect(first[12]).toBeUndefined(); // no e-mail: an empty cell, not an empty string
    expect(rowValues(clientsSheet, 3)[3]).toBe('Chloë');
    const allNames = clientsSheet.getColumn(2).values;
    expect(allNames).not.toContain('Niet-Zichtbaar');

    const reportsSheet = workbook.getWorksheet('Rapportages');
    if (!reportsSheet) throw new Error('no Rapportages sheet');
    const bodies = reportsSheet.getColumn(7).values;
    expect(bodies).toContain(reportTexts.first);
    expect(bodies).toContain(reportTexts.addendum);
    expect(bodies).not.toContain(reportTexts.restricted);
    const report = rowValues(reportsSheet, 2);
    // Cells show Amsterdam's wall clock: 09:15 UTC on 2 March is 10:15 in Amsterdam.
    expect(report[2]).toBeInstanceOf(Date);
    expect((report[2] as Date).toISOString()).toBe('2026-03-02T10:15:00.000Z');
    expect(reportsSheet.getRow(2).getCell(3).type).toBe(ExcelJS.ValueType.Date);
    expect(reportsSheet.getRow(2).getCell(3).numFmt).toBe('dd-mm-yyyy hh:mm');
    expect(report[7]).toBe('Bram de Jong');
    expect(report[9]).toBeInstanceOf(Date);
    const addendum = rowValues(reportsSheet, 3);
    expect(addendum[3]).toBe('Addendum');
    expect((addendum[10] as Date).toISOString()).toBe('2026-03-02T10:15:00.000Z');
    // Summer time: 13:30 UTC on 1 July is 15:30 in Amsterdam.
    expect((addendum[2] as Date).toISOString()).toBe('2026-07-01T15:30:00.000Z');

    const agenda = rowValues(workbook.getWorksheet('Agenda') as ExcelJS.Worksheet, 2);
    expect(agenda[4]).toBe(45);
    expect(typeof agenda[4]).toBe('number');

    const time = workbook.getWorksheet('Tijdregistratie') as ExcelJS.Worksheet;
    expect(rowValues(time, 2).slice(2, 8)).toEqual([new Date('2026-03-05T00:00:00.000Z'), 'Wmo', '02A01', 'Begeleiding individueel', 45, 'minuut']);
    expect(rowValues(time, 3)[6]).toBe(12.5); // euro cents shown as euros

    const docs = rowValues(workbook.getWorksheet('Documenten') as ExcelJS.Worksheet, 2);
    expect(docs[2]).toBe('Zorgplan één.pdf');
    expect(docs[5]).toBe(183_402);

    expect(result.clientIds).toEqual([clientIds.ijsbrand, clientIds.chloe]);
    expect(audit.map((e) => [e.action, e.clientId, e.fileKind, e.fileName, e.outcome])).toEqual([
      ['E', clientIds.ijsbrand, 'xlsx', 'dossiers.xlsx', 'success'],
      ['E', clientIds.chloe, 'xlsx', 'dossiers.xlsx', 'success'],
    ]);
    expect(steps.at(-1)).toBe('Documenten: klaar');
  });

  it('leaves no file behind when cancelled', async () => {
    const controller = new AbortController();
    const { services, audit } = testServices();
    const target = path.join(dir, 'dossiers.xlsx');
    const run = exportAllDossiersToExcel(services, {
      target,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.step.startsWith('Contacten')) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
    expect(existsSync(target)).toBe(false);
    expect(await readdir(dir)).toEqual([]);
    expect(audit).toEqual([]);
  });

  it('refuses under an expired lease and writes nothing', async () => {
    const expired = evaluateLicence(leaseOf(), new Date('2027-01-01T00:00:00Z'), null);
    const { services, audit } = testServices({ licence: licenceAllowing(expired) });
    await expect(exportAllDossiersToExcel(services, { target: path.join(dir, 'x.xlsx') })).rejects.toMatchObject({ code: 'licence_expired' });
    expect(await readdir(dir)).toEqual([]);
    expect(audit).toMatchObject([{ action: 'E', clientId: null, outcome: 'refused', reason: 'lease-expired' }]);
  });
});
