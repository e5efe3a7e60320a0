// jsdom has no document.fonts; Mantine's autosizing Textarea listens to it. (Test-only import.)
if (typeof document !== "undefined" && !("fonts" in document)) {
  Object.defineProperty(document, "fonts", {
    configurable: true,
    value: { addEventListener: () => {}, removeEventListener: () => {}, ready: Promise.resolve() },
  });
}
export {};
