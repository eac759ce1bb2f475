import { ApiError } from '../../shared/api.js';

/** The one way the importer fails: a Chinese sentence saying what is wrong and what to do. */
export function importFailed(message: string, details?: unknown): ApiError {
  return new ApiError('import_failed', message, details);
}

export const MAX_FILE_BYTES = 200 * 1024 * 1024;
/** Total uncompressed size a .docx may expand to; real reports are well under 10 MB. */
export const MAX_UNZIPPED_BYTES = 100 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 2000;
