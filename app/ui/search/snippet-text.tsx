/** A highlighted snippet: plain runs as text, matched runs in <mark>. Never HTML from the engine. */
import type { Snippet } from "../../../search/engine";

export function SnippetText({ snippet }: { snippet: Snippet }) {
  return (
    <>
      {snippet.map((run, i) => (run.match ? <mark key={i}>{run.text}</mark> : <span key={i}>{run.text}</span>))}
    </>
  );
}
