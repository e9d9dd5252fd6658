/**
 * What /redigera/config.json holds, shared by the code that writes it
 * (src/lib/editor/cms-config.ts) and the browser script that reads it
 * (src/scripts/editor.ts). Types only: nothing here runs in the browser.
 */

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
