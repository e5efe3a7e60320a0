import dayjs from "dayjs";
import "dayjs/locale/he";
import "dayjs/locale/en";
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import en from "../locales/en.json";
import he from "../locales/he.json";

export type Language = "he" | "en";
export const LANGUAGES: readonly Language[] = ["he", "en"];
export const DEFAULT_LANGUAGE: Language = "he";
const LANGUAGE_KEY = "shulchan.language";

export function isLanguage(value: unknown): value is Language {
  return value === "he" || value === "en";
}

export function directionOf(lang: Language): "rtl" | "ltr" {
  return lang === "he" ? "rtl" : "ltr";
}

function storedLanguage(): Language {
  try {
    const value = globalThis.localStorage?.getItem(LANGUAGE_KEY);
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

/** Reflect the language on <html lang dir> and in dayjs. Mantine's direction follows (DirectionSync). */
function reflect(lang: Language): void {
  dayjs.locale(lang);
  if (typeof document !== "undefined") {
    document.documentElement.lang = lang;
    document.documentElement.dir = directionOf(lang);
  }
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}

/** Switch the UI language now and remember it in this browser (the profile is updated by the caller). */
export async function setLanguage(lang: Language): Promise<void> {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_KEY, lang);
  } catch {
    /* storage disabled */
  }
  reflect(lang);
  await i18n.changeLanguage(lang);
}

export function initI18n(lang: Language = storedLanguage()) {
  if (!i18n.isInitialized) {
    void i18n.use(initReactI18next).init({
      resources: { he: { translation: he }, en: { translation: en } },
      lng: lang,
      fallbackLng: DEFAULT_LANGUAGE,
      supportedLngs: [...LANGUAGES],
      interpolation: { escapeValue: false }, // React escapes
      returnNull: false,
      initAsync: false,
    });
  }
  reflect(lang);
  return i18n;
}

export { i18n };
