/** Messages of the printables screens, in zh-CN (the source) and English. Merged into the catalogues. */
export const printablesZh = {
} as const;

export const printablesEn: Record<keyof typeof printablesZh, string> = {
};
