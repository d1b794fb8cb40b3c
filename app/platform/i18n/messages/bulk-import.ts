/** Messages of the bulk-import screens, in zh-CN (the source) and English. Merged into the catalogues. */
export const bulkImportZh = {
} as const;

export const bulkImportEn: Record<keyof typeof bulkImportZh, string> = {
};
