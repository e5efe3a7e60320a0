import { useTranslation } from "react-i18next";
import { isLanguage, type Language } from "./index";

/** The current UI language, re-rendering on change. */
export function useLang(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : "he";
}

/** Hebrew is the source language of the data; English when asked for and present. */
export function pickLang(lang: Language, he: string, en?: string | null): string {
  return lang === "en" && en ? en : he;
}
