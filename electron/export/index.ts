export * from './atomic-output.js';
export * from './dossier-content.js';
export * from './dutch-format.js';
export * from './excel/excel-export.js';
export * from './export-error.js';
export * from './export-run.js';
export * from './export-source.js';
export * from './word/word-export.js';
