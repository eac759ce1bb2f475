export * from './cell-input.js';
export * from './history.js';
export * from './tsv.js';
export * from './grid-nav.js';
export * from './text-paste.js';
export * from './edits.js';
