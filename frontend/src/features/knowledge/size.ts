/** A file size for people: "1.2 MB", with the language's digits and separators. */
export function formatSize(bytes: number, lang: "he" | "en"): string {
  const locale = lang === "he" ? "he-IL" : "en-GB";
  const units = ["B", "KB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: unit ? 1 : 0 }).format(value)} ${units[unit]}`;
}
