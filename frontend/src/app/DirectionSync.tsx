import { useDirection } from "@mantine/core";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { directionOf, isLanguage } from "../i18n";

/** Keeps Mantine's direction (and so <html dir>) and <html lang> in step with the UI language. */
export function DirectionSync() {
  const { i18n } = useTranslation();
  const { setDirection } = useDirection();
  const lang = isLanguage(i18n.language) ? i18n.language : "he";
  useEffect(() => {
    setDirection(directionOf(lang));
    document.documentElement.lang = lang;
  }, [lang, setDirection]);
  return null;
}
