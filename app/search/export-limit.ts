/**
 * At most this many rows per export file: enough for any one article or contact point, small
 * enough to build in memory in about a second. Larger result sets are narrowed (by draft, article
 * or date) first; the page says so. Shared by the page (browser) and the export (server).
 */
export const EXPORT_MAX_ROWS = 10_000;
