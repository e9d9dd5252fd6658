/**
 * What /redigera/config.json holds, shared by the code that writes it
 * (src/lib/editor/cms-config.ts) and the browser script that reads it
 * (src/scripts/editor.ts), and the names of the files under /redigera/.
 * Types and constants only.
 */

/** The editor's start-up script, under /redigera/ (the page loads it as a module). */
export const EDITOR_SCRIPT = 'insyn-editor.js';

/** The editor's configuration, under /redigera/. */
export const EDITOR_CONFIG = 'config.json';

/** The page that drafts a case from a decision document, under /redigera/, and its script. */
export const DRAFT_PAGE = 'fran-dokument';
export const DRAFT_SCRIPT = 'insyn-utkast.js';

/** A body component as the editor's Insert menu offers it (a form that writes the tag). */
export interface EditorComponentSpec {
  id: string;
  /** The tag as written in the body (`Citat`). */
  tag: string;
  label: string;
  /** On lines of its own (`<Citat>`), or inside a paragraph too (`<Ärende>`). */
  block: boolean;
  attributes: { name: string; label: string; hint: string; required: boolean; pattern?: [string, string] }[];
  textLabel: string;
  textHint: string;
}

/** config.json: Sveltia's configuration, and the body components to register before it starts. */
export interface EditorBundle {
  /** Sveltia CMS's configuration (src/lib/editor/cms-config.ts, editorConfig). */
  config: Record<string, unknown>;
  components: EditorComponentSpec[];
}
