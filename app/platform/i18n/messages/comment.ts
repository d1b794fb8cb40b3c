/** Messages of the comment screens, in zh-CN (the source) and English. Merged into the catalogues. */
export const commentZh = {
} as const;

export const commentEn: Record<keyof typeof commentZh, string> = {
};
