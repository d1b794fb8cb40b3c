/** Hidden fields carrying the rest of the search state, so a GET form changes one thing and keeps the others. */
import { searchParamsOf, type SearchState } from "~/search/search-state";

export function StateFields({ state, omit }: { state: SearchState; omit: string[] }) {
  const fields = [...searchParamsOf(state).entries()].filter(([name]) => !omit.includes(name));
  return (
    <>
      {fields.map(([name, value], i) => <input key={`${name}-${i}`} type="hidden" name={name} value={value} />)}
    </>
  );
}
