export * from "./enums";
export * from "./organizations";
export * from "./accounts";
export * from "./drafts";
export * from "./intake";
export * from "./merge";
export * from "./chain";
export * from "./platform";
