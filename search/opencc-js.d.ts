/**
 * opencc-js ships types for its converters but not for its raw dictionaries, which fold() reads
 * directly (character tables, not a phrase converter, so that folding keeps the text's length).
 * Each is one string: "from to[ to2…]|from to|…".
 */
declare module "opencc-js/dict/*" {
  const dictionary: string;
  export default dictionary;
}
