/** Messages of the staff-entry screens, in zh-CN (the source) and English. Merged into the catalogues. */
export const staffEntryZh = {
} as const;

export const staffEntryEn: Record<keyof typeof staffEntryZh, string> = {
};
