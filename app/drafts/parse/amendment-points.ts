/**
 * Recognises what a point of an amendment text changes:
 * "五、将刑法第三百九十条修改为：…" -> { law: "刑法", article: "第三百九十条" }.
 */
import { NUMBER_CHARS } from "./chinese-numbers";

const VERBS = /修改为|改为|修改|增加|删去|删除|调整为|替换为|合并为/;
const TARGET = new RegExp(
  "^(?:将|在|删去|删除|对|把)?\\s*" +
    "(?:《([^》]{1,40})》|([^\\s第，,。：:；;“”《》]{1,30}?))?" +
    `第([${NUMBER_CHARS}]+)条(?:之([${NUMBER_CHARS}]+))?`,
);

export interface Amendment {
  law: string | null;
  article: string;
}

export function detectAmendment(text: string): Amendment | null {
  const m = TARGET.exec(text);
  if (!m) return null;
  if (!VERBS.test(text.slice(0, 200))) return null;
  const law = m[1] ?? m[2] ?? null;
  const article = `第${m[3] ?? ""}条${m[4] ? `之${m[4]}` : ""}`;
  return { law: law === "" ? null : law, article };
}
