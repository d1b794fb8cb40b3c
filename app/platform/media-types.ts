/** The media types of the files people download and upload: one definition each. */
export const CSV_MEDIA_TYPE = "text/csv; charset=utf-8";
export const XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
