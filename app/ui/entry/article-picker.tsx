/**
 * 条款: a text field the server reads with findClause ("128", "第一百二十八条") — and, once
 * JavaScript runs, an ARIA combobox (list autocomplete, first match selected automatically) fed by
 * /staff/clauses: type 128 and 第一百二十八条 appears with its first line; arrow keys move, Enter
 * chooses, Escape closes. Until the script runs nothing claims to be a combobox.
 */
import { useEffect, useRef, useState, type KeyboardEvent, type Ref } from "react";
import { useT } from "../i18n";
import type { ClauseMatch } from "./clause-matches";

interface ArticlePickerProps {
  id: string;
  name: string;
  keyName: string;
  versionId: string;
  defaultValue: string;
  defaultKey: string;
  describedBy?: string;
  invalid?: boolean;
  autoFocus?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

const isComposing = (e: KeyboardEvent) => e.nativeEvent.isComposing || e.keyCode === 229;

export function ArticlePicker(props: ArticlePickerProps) {
  const t = useT();
  const [live, setLive] = useState(false);
  const [key, setKey] = useState(props.defaultKey);
  const [matches, setMatches] = useState<ClauseMatch[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [chosen, setChosen] = useState<ClauseMatch | null>(null);
  /** The query the shown matches are for ("" before any look-up). */
  const [answered, setAnswered] = useState("");
  const cache = useRef(new Map<string, ClauseMatch[]>());
  const latest = useRef("");
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const input = useRef<HTMLInputElement | null>(null);
  const list = useRef<HTMLUListElement | null>(null);
  useEffect(() => setLive(true), []);
  // At a large font size on a phone the list may open below the fold: bring it into view.
  useEffect(() => {
    if (open) list.current?.scrollIntoView?.({ block: "nearest" });
  }, [open]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const listId = `${props.id}-list`;
  const show = (found: ClauseMatch[], q = "") => {
    setAnswered(q);
    setMatches(found);
    setOpen(found.length > 0);
    setActive(found.length > 0 ? 0 : -1);
  };
  const lookUp = (q: string) => {
    latest.current = q;
    clearTimeout(timer.current);
    if (q.trim() === "") return show([]);
    const known = cache.current.get(q);
    if (known) return show(known, q);
    timer.current = setTimeout(async () => {
      try {
        const res = await fetch(`/staff/clauses?version=${encodeURIComponent(props.versionId)}&q=${encodeURIComponent(q)}`, { headers: { Accept: "application/json" } });
        if (!res.ok) return;
        const found = ((await res.json()) as { matches: ClauseMatch[] }).matches;
        cache.current.set(q, found);
        if (latest.current === q) show(found, q);
      } catch {
        // Offline: the typed text is still read by the server when the form is saved.
      }
    }, 90);
  };
  const choose = (m: ClauseMatch) => {
    if (input.current) input.current.value = m.label;
    setKey(m.key);
    setChosen(m);
    setOpen(false);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (isComposing(e)) return;
    const n = matches.length;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (n === 0) return;
      e.preventDefault();
      if (!open) {
        setOpen(true);
        setActive(e.key === "ArrowDown" ? 0 : n - 1);
      } else setActive((a) => (e.key === "ArrowDown" ? (a + 1) % n : (a - 1 + n) % n));
    } else if (e.key === "Enter" && !e.ctrlKey && !e.metaKey && open && active >= 0 && matches[active]) {
      e.preventDefault();
      choose(matches[active]);
    } else if (e.key === "Escape" && open) {
      e.preventDefault();
      setOpen(false);
    }
  };
  const setRefs = (el: HTMLInputElement | null) => {
    input.current = el;
    if (typeof props.inputRef === "function") props.inputRef(el);
    else if (props.inputRef) (props.inputRef as { current: HTMLInputElement | null }).current = el;
  };
  const describedBy = [props.describedBy, chosen ? `${props.id}-chosen` : null].filter(Boolean).join(" ") || undefined;

  return (
    <div className="picker">
      <input
        ref={setRefs} id={props.id} name={props.name} type="text" defaultValue={props.defaultValue} autoComplete="off" spellCheck={false}
        autoFocus={props.autoFocus} aria-invalid={props.invalid || undefined} aria-describedby={describedBy} data-entry-field=""
        className="picker__input" enterKeyHint="next"
        {...(live ? {
          role: "combobox", "aria-autocomplete": "list" as const, "aria-expanded": open, "aria-controls": listId,
          "aria-activedescendant": open && active >= 0 ? `${listId}-${active}` : undefined,
        } : {})}
        onInput={(e) => {
          setKey("");
          setChosen(null);
          lookUp(e.currentTarget.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <input type="hidden" name={props.keyName} value={key} />
      {live ? (
        <ul ref={list} id={listId} role="listbox" aria-label={t("staff.entry.article")} className="picker__list" hidden={!open}>
          {matches.map((m, i) => (
            <li
              key={m.key} id={`${listId}-${i}`} role="option" aria-selected={i === active} className="picker__option"
              onMouseDown={(e) => {
                e.preventDefault();
                choose(m);
              }}
            >
              <span className="picker__label">{m.label}</span> <span className="picker__first-line">{m.firstLine}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {live ? (
        <p className="visually-hidden" role="status">
          {open ? t("staff.entry.articleMatches", { count: matches.length }) : answered !== "" && matches.length === 0 && !chosen ? t("staff.entry.articleNoMatches") : ""}
        </p>
      ) : null}
      {chosen ? (
        <p id={`${props.id}-chosen`} className="picker__chosen">
          {t("staff.entry.articleChosen", { label: chosen.label })} <span className="picker__first-line">{chosen.firstLine}</span>
        </p>
      ) : null}
    </div>
  );
}
