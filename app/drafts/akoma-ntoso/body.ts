/**
 * The hierarchy: <preamble>, <body> and <attachments> from the element tree of layout.ts.
 *
 * A provision is written as
 *   <article eId="art_4"><num>第四条</num>…children…</article>
 *   <chapter eId="chp_2"><num>第二章</num><heading>个人信息处理规则</heading>…</chapter>
 *   <paragraph eId="art_4__para_1"><content><p>…</p></content></paragraph>            (款 without 项)
 *   <paragraph eId="art_4__para_2"><intro><p>…：</p></intro><list eId="art_4__para_2__list_1">
 *     <point eId="art_4__para_2__list_1__point_1"><num>（一）</num><content>…</content></point>…
 * Own text goes to <content> for a leaf and to <intro> when the provision has children.
 */
import { inlineLines, writeBlocks } from "./blocks";
import { writeIdentification } from "./frbr";
import type { AknNode, AknProvisionNode, AkomaNtosoMeta } from "./types";
import { escapeXmlText, type XmlWriter } from "./xml-escape";

/** Kinds that are written with a <content> even when their text is empty (a 款 or 项 always has one). */
const ALWAYS_CONTENT = new Set(["paragraph", "item", "subitem", "point"]);

function writeNumAndHeading(w: XmlWriter, node: AknProvisionNode): void {
  if (node.row.label !== "") w.text("num", {}, node.row.label);
  if (node.row.heading) w.text("heading", {}, node.row.heading);
}

function writeProvision(w: XmlWriter, node: AknProvisionNode): void {
  const { row, eId } = node;
  w.open(node.element, { eId, name: node.name });
  writeNumAndHeading(w, node);
  if (node.children.length > 0) {
    if (row.text !== "") {
      w.open("intro", { eId: `${eId}__intro` });
      writeBlocks(w, row.text, eId);
      w.close("intro");
    }
    writeNodes(w, node.children);
  } else if (row.text !== "" || ALWAYS_CONTENT.has(row.kind)) {
    w.open("content", { eId: `${eId}__content` });
    writeBlocks(w, row.text, eId);
    w.close("content");
  }
  w.close(node.element);
}

export function writeNodes(w: XmlWriter, nodes: readonly AknNode[]): void {
  for (const node of nodes) {
    if (node.type === "list") {
      w.open("list", { eId: node.eId });
      writeNodes(w, node.children);
      w.close("list");
    } else {
      writeProvision(w, node);
    }
  }
}

/** <body>; the schema wants at least one element, so an empty text gets an empty hcontainer. */
export function writeBody(w: XmlWriter, nodes: readonly AknNode[]): void {
  w.open("body");
  if (nodes.length === 0) w.empty("hcontainer", { eId: "hcontainer_1", name: "empty" });
  else writeNodes(w, nodes);
  w.close("body");
}

/** One <p> of the 序言: label and text of a row (its lines separated by <br/>). */
function preambleParagraph(node: AknProvisionNode): string {
  const label = node.row.label !== "" ? `${escapeXmlText(node.row.label)} ` : "";
  return `<p eId="${node.eId}">${label}${inlineLines(node.row.text)}</p>`;
}

/**
 * <preamble eId="preamble">: the 序言's 款 as <p eId="preamble__p_N">; its printed heading "序言"
 * (when there is one) as the heading of a <blockContainer> around them.
 */
export function writePreamble(w: XmlWriter, nodes: readonly AknProvisionNode[]): void {
  if (nodes.length === 0) return;
  w.open("preamble", { eId: "preamble" });
  for (const node of nodes) {
    if (node.wrapperEId) {
      w.open("blockContainer", { eId: node.wrapperEId });
      w.text("heading", {}, [node.row.label, node.row.heading ?? ""].filter(Boolean).join(" "));
    }
    const ownText = node.row.text !== "" ? [`<p>${inlineLines(node.row.text)}</p>`] : [];
    const lines = [...ownText, ...node.children.map((child) => preambleParagraph(child as AknProvisionNode))];
    if (lines.length === 0) lines.push("<p/>");
    for (const line of lines) w.line(line);
    if (node.wrapperEId) w.close("blockContainer");
  }
  w.close("preamble");
}

/**
 * <attachments>: each annex is an <attachment eId="att_N"> with its <num>/<heading> and its own
 * <doc name="annex"> (identification of the component "annex_N"; own text such as the 题注 of an
 * appended decision in its <preface>; provisions in <mainBody>).
 */
export function writeAttachments(w: XmlWriter, nodes: readonly AknProvisionNode[], meta: AkomaNtosoMeta): void {
  if (nodes.length === 0) return;
  w.open("attachments");
  for (const node of nodes) {
    const { row, eId } = node;
    w.open("attachment", { eId });
    writeNumAndHeading(w, node);
    w.open("doc", { name: "annex" });
    w.open("meta");
    const title = [row.label.replace(/[：:]$/, ""), row.heading ?? ""].filter(Boolean).join(" ");
    writeIdentification(w, meta, { component: `annex_${eId.replace(/^att_/, "")}`, title });
    w.close("meta");
    if (row.text !== "") {
      w.open("preface", { eId: `${eId}__preface` });
      writeBlocks(w, row.text, `${eId}__preface`);
      w.close("preface");
    }
    w.open("mainBody");
    if (node.children.length === 0) w.line("<p/>");
    else writeNodes(w, node.children);
    w.close("mainBody");
    w.close("doc");
    w.close("attachment");
  }
  w.close("attachments");
}
