/**
 * A server type as a component receives it from a loader: dates may arrive as strings (they are
 * serialised on the way). Components accept both.
 */
export type Wire<T> = T extends Date ? string | Date : T extends (infer U)[] ? Wire<U>[] : T extends object ? { [K in keyof T]: Wire<T[K]> } : T;
