import type { OpenedReport, RecoveryNotice, ReportMeta, RevisionInfo, Settings } from '../shared/api.js';
import type { Report } from '../shared/model/report.js';
import type { FormatId } from '../shared/templates/index.js';

/** The store as the API handlers, the CLI and the tests use it (implemented in main/store). */
export interface ReportStoreApi {
  readonly dataDir: string;
  listReports(): Promise<ReportMeta[]>;
  listTrash(): Promise<ReportMeta[]>;
  getReport(id: string): Promise<OpenedReport>;
  createReport(input: { year: number; format?: FormatId; report?: Report }): Promise<OpenedReport>;
  saveReport(id: string, report: Report, opts?: { findings?: ReportMeta['findings'] }): Promise<ReportMeta>;
  renameReport(id: string, title: string): Promise<ReportMeta>;
  deleteReport(id: string): Promise<ReportMeta>;
  restoreReport(id: string): Promise<ReportMeta>;
  listRevisions(id: string): Promise<RevisionInfo[]>;
  getRevision(id: string, revision: number): Promise<Report>;
  restoreRevision(id: string, revision: number): Promise<OpenedReport>;
  getSettings(): Promise<Settings>;
  saveSettings(s: Settings): Promise<Settings>;
  /** Last year's report of the same office: the basedOn link first, else same office name and year − 1. */
  findPrevious(id: string): Promise<Report | null>;
  close(): Promise<void>;
}

/** What differs between Electron and the browser-mode server. */
export interface HostServices {
  kind: 'electron' | 'browser';
  /** Electron: save dialog + write; returns the path, or null when cancelled. */
  saveFile?(suggestedName: string, data: Uint8Array): Promise<string | null>;
  showInFolder?(path: string): Promise<void>;
  printPdf?(data: Uint8Array): Promise<void>;
}

export interface AppContext {
  store: ReportStoreApi;
  host: HostServices;
  version: string;
  /** Damaged files the store moved aside when it opened, for the UI to tell the user (getAppInfo). */
  notices?: readonly RecoveryNotice[];
}
