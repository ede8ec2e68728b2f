import { Renderer } from "./types";

/** DESIGN.md's audit JSON: `{ account, source, reportGeneratedAt, findings: [...] }`. */
export const renderJson: Renderer = ({ result }) => `${JSON.stringify(result, null, 2)}\n`;
