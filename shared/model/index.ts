export * from './report.js';
export * from './cells.js';
export * from './totals.js';
export * from './title.js';
export * from './blank.js';
export * from './preamble.js';
export * from './interchange.js';
