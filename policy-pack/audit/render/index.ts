import { renderHtml } from "./html";
import { renderJson } from "./json";
import { renderMarkdown } from "./markdown";
import { renderSarif } from "./sarif";
import { renderTable } from "./table";
import { Renderer } from "./types";

export const formats = ["table", "json", "markdown", "sarif", "html"] as const;
export type Format = (typeof formats)[number];

export const renderers: Record<Format, Renderer> = {
  table: renderTable,
  json: renderJson,
  markdown: renderMarkdown,
  sarif: renderSarif,
  html: renderHtml,
};
