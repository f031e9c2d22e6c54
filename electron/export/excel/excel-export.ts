import ExcelJS from 'exceljs';
import type { Allocation, Client } from '../../../shared/domain/index.js';
import { throwIfCancelled } from '../export-error.js';
import { reportProgress, runExport, visibleClients, type ExportRequest, type ExportResult, type ExportServices } from '../export-run.js';
import { ExportFileStream, yieldToEventLoop } from '../output-stream.js';
import { sheetDrained } from './sheet-backpressure.js';
import { sheetColumns, sheetNames, type SheetName } from './sheet-columns.js';
import {
  appointmentRow,
  clientRow,
  contactRow,
  documentRow,
  reportRow,
  timeRegistrationRow,
  type CellValue,
} from './sheet-rows.js';

/** Rows between two looks at the file's backpressure; small enough to keep buffers small. */
const ROWS_PER_BATCH = 256;

const PLAIN_STYLE: Partial<ExcelJS.Style> = {};

type RowSink = (values: CellValue[]) => Promise<void>;
type SheetFiller = (client: Client, addRow: RowSink) => Promise<void>;

/**
 * All dossiers the user may read as one workbook, a sheet per kind (SPEC.md §2), streamed: every row
 * is committed as soon as it is written, strings are inline (no shared-string table growing with the
 * export), and the producer waits whenever the file stream is full. Sheets are written one after
 * the other — the zip holds one open entry at a time — so the source is read once per sheet.
 */
export async function exportAllDossiersToExcel(services: ExportServices, request: ExportRequest): Promise<ExportResult> {
  return runExport(services, request, 'xlsx', async (tempPath) => {
    const names = await services.source.userNames();
    const total = Math.max(1, await services.source.countClients());
    const output = new ExportFileStream(tempPath);
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output.stream, useSharedStrings: false, useStyles: true });
    workbook.creator = services.actor.userName;
    workbook.created = services.now?.() ?? new Date();

    const fillers: Record<SheetName, SheetFiller> = {
      Cliënten: async (client, addRow) => addRow(clientRow(client)),
      Contacten: async (client, addRow) => {
        for await (const contact of services.source.contactsOf(client.id)) await addRow(contactRow(client, contact));
      },
      Rapportages: async (client, addRow) => {
        // Addenda name the report they correct; reports come oldest first, so the original is seen first.
        const occurredAt = new Map<string, string>();
        for await (const report of services.source.reportsOf(client.id)) {
          occurredAt.set(report.id, report.occurredAt);
          if (!(await services.rights.mayReadReport(report))) continue;
          await addRow(reportRow(client, report, names, report.addendumOf ? (occurredAt.get(report.addendumOf) ?? null) : null));
        }
      },
      // An appointment with several clients gets a row under each of them the user may read,
      // so filtering the sheet on one client shows that client's whole agenda.
      Agenda: async (client, addRow) => {
        for await (const appointment of services.source.appointmentsOf(client.id)) await addRow(appointmentRow(client, appointment, names));
      },
      Tijdregistratie: async (client, addRow) => {
        const allocations = new Map<string, Allocation>();
        for await (const allocation of services.source.allocationsOf(client.id)) allocations.set(allocation.id, allocation);
        for await (const registration of services.source.timeRegistrationsOf(client.id)) {
          const allocation = registration.allocationId ? allocations.get(registration.allocationId) : undefined;
          await addRow(timeRegistrationRow(client, registration, allocation, names));
        }
      },
      Documenten: async (client, addRow) => {
        for await (const document of services.source.documentsOf(client.id)) await addRow(documentRow(client, document, names));
      },
    };

    // Ids only, for the access log: every dossier that has a row anywhere in the file is logged,
    // even if the source changed between two sheets.
    const exported = new Set<string>();
    try {
      for (const [sheetIndex, sheetName] of sheetNames.entries()) {
        const columns = sheetColumns[sheetName];
        const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
        sheet.columns = columns.map((column) => ({ width: column.width }));
        // One style object per column, shared by all its cells: exceljs recognises a style it has
        // seen by identity, so it does not hash a fresh style object for every cell.
        const styles = columns.map((column) => (column.numFmt ? { numFmt: column.numFmt } : PLAIN_STYLE));
        sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
        const header = sheet.addRow(columns.map((column) => column.header));
        header.font = { bold: true };
        header.commit();

        let rows = 0;
        const addRow: RowSink = async (values) => {
          const row = sheet.addRow(values);
          for (let index = 0; index < values.length; index += 1) {
            if (values[index] !== null) row.getCell(index + 1).style = styles[index] ?? PLAIN_STYLE;
          }
          row.commit();
          rows += 1;
          if (rows % ROWS_PER_BATCH === 0) {
            throwIfCancelled(request.signal);
            await sheetDrained(sheet);
            await output.drained();
            await yieldToEventLoop();
          }
        };
        let clients = 0;
        for await (const client of visibleClients(services)) {
          throwIfCancelled(request.signal);
          exported.add(client.id);
          await fillers[sheetName](client, addRow);
          clients += 1;
          if (clients % 100 === 0) reportProgress(request, (sheetIndex + clients / total) / sheetNames.length, `${sheetName}: ${clients} van ${total} dossiers`);
        }
        sheet.commit();
        reportProgress(request, (sheetIndex + 1) / sheetNames.length, `${sheetName}: klaar`);
      }
      await workbook.commit();
      await output.finish();
    } catch (error) {
      await output.abandon();
      throw error;
    }
    return [...exported];
  });
}
