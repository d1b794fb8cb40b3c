/**
 * The fast-entry form. Without JavaScript it is a plain POST: the server saves and redirects back
 * to a cleared form with a "saved" notice (or returns it filled in, errors next to the fields).
 * With JavaScript it posts through a fetcher: the page stays, the list below grows, the form clears
 * and the article field takes focus for the next view; on an error everything typed stays put.
 */
import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import type { EntrySaved } from "../../intake/staff-entry-responses.server";
import type { ActionFailure } from "../../platform/respond.server";
import { useT } from "../i18n";
import { EntryFields } from "./entry-fields";
import { useEntryKeys } from "./use-entry-keys";
import { useUnsavedEntry } from "./use-unsaved-entry";

interface FastEntryFormProps {
  action: string;
  versionId: string;
  formKey: string;
  defaultSaidOn: string;
  /** This form came back from a no-JavaScript POST with errors. */
  failure: ActionFailure | undefined;
  /** What the page announces on load (after a no-JavaScript save or edit). */
  notice: string;
  storageKey: string;
}

export function FastEntryForm(props: FastEntryFormProps) {
  const t = useT();
  const fetcher = useFetcher<EntrySaved | ActionFailure>();
  const [live, setLive] = useState(false);
  const [formKey, setFormKey] = useState(props.failure?.values.formKey ?? props.formKey);
  const [values, setValues] = useState<Record<string, string>>(props.failure?.values ?? { saidOn: props.defaultSaidOn });
  const [message, setMessage] = useState(props.notice);
  const [focusOnMount, setFocusOnMount] = useState(true);
  const form = useRef<HTMLFormElement>(null);
  const handled = useRef<unknown>(null);
  const { restored, remember, forget } = useUnsavedEntry(props.storageKey, form);
  const save = () => {
    if (fetcher.state === "idle") form.current?.requestSubmit();
  };
  const onKeyDown = useEntryKeys(form, save);
  useEffect(() => setLive(true), []);

  useEffect(() => {
    if (!restored || props.failure) return;
    setValues(restored.values);
    setFormKey(restored.formKey);
    setMessage((before) => (before ? `${before} ${t("staff.entry.restored")}` : t("staff.entry.restored")));
  }, [restored, props.failure, t]);

  const result = fetcher.data;
  const failure = result && !result.ok ? result : fetcher.state === "idle" && !result ? props.failure : undefined;
  useEffect(() => {
    if (fetcher.state !== "idle" || !result || handled.current === result) return;
    handled.current = result;
    if (result.ok) {
      forget();
      const { code, label } = result.saved;
      setMessage(label ? t("staff.entry.saved", { label, code }) : t("staff.entry.savedShort", { code }));
      setValues({ saidOn: props.defaultSaidOn });
      setFocusOnMount(true);
      setFormKey(result.nextKey);
    } else {
      setMessage(t("staff.entry.notSaved"));
      form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    }
  }, [fetcher.state, result, forget, props.defaultSaidOn, t]);

  const busy = fetcher.state !== "idle";
  return (
    <>
      <p className="entry-status" role="status">{message}</p>
      <fetcher.Form
        key={formKey} ref={form} method="post" action={props.action} noValidate className="entry-form"
        onKeyDown={onKeyDown} onInput={remember} onChange={remember} onBlur={remember}
        aria-describedby="entry-keys" aria-busy={busy || undefined}
      >
        <input type="hidden" name="formKey" value={formKey} />
        {live ? <input type="hidden" name="js" value="1" /> : null}
        <EntryFields values={values} errors={failure?.fieldErrors} versionId={props.versionId} autoFocus={focusOnMount} />
        <p id="entry-keys" className="entry-keys">{live ? t("staff.entry.keys") : t("staff.entry.keysNoScript")}</p>
        <div className="entry-actions">
          <button type="submit" disabled={busy}>{busy ? t("staff.entry.saving") : t("staff.entry.save")}</button>
        </div>
      </fetcher.Form>
    </>
  );
}
