import { OrganizationRun, OrganizationWriter, Write } from "../../organization/types";
import { Format } from "..";
import { htmlWriter } from "../html";
import { jsonWriter } from "./json";
import { markdownWriter } from "./markdown";
import { sarifWriter } from "./sarif";
import { tableWriter } from "./table";

export const organizationWriters: Record<Format, (run: OrganizationRun, write: Write) => OrganizationWriter> =
  {
    table: tableWriter,
    json: jsonWriter,
    markdown: markdownWriter,
    sarif: sarifWriter,
    html: htmlWriter,
  };
