import { useState } from "react";

/**
 * Text a person is writing (minutes, a comment, a knowledge item), kept in this browser until it
 * is saved: a sign-out in another tab, an expired session or a closed tab does not lose it, and
 * the same screen opens with it again. Only text that differs from what is saved is kept.
 */
const PREFIX = "shulchan.draft.";

function read(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(PREFIX + key) ?? null;
  } catch {
    return null;
  }
}

function write(key: string, value: string | null) {
  try {
    if (value === null) globalThis.localStorage?.removeItem(PREFIX + key);
    else globalThis.localStorage?.setItem(PREFIX + key, value);
  } catch {
    /* storage full or disabled: the text stays on screen only */
  }
}

/** Whether any unsaved text is kept in this browser (the sign-in page says it will come back). */
export function hasKeptDrafts(): boolean {
  try {
    const storage = globalThis.localStorage;
    if (!storage) return false;
    for (let i = 0; i < storage.length; i++) if (storage.key(i)?.startsWith(PREFIX)) return true;
  } catch {
    /* storage disabled */
  }
  return false;
}

/**
 * `useState` for text that survives until saved: `key` names what is being written (e.g.
 * `comment:<minutes id>`), `saved` is the text as stored on the server. Call `forget()` once the
 * server has it.
 */
export function useDraft(key: string, saved: string) {
  const [value, setValue] = useState(() => read(key) ?? saved);
  const set = (next: string) => {
    setValue(next);
    write(key, next === saved ? null : next);
  };
  const forget = () => write(key, null);
  return [value, set, forget] as const;
}
