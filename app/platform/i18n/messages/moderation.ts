/** Messages of the moderation screens, in zh-CN (the source) and English. Merged into the catalogues. */
export const moderationZh = {
} as const;

export const moderationEn: Record<keyof typeof moderationZh, string> = {
};
