import { describe, expect, it } from "vitest";
import { paramsWithTab, tabFromParams } from "./tabParam";

const tabs = ["agenda", "minutes", "notes"] as const;

describe("the tab in the URL", () => {
  it("opens the tab the URL names, when the reader may see it", () => {
    expect(tabFromParams(new URLSearchParams("tab=minutes"), tabs, "agenda")).toBe("minutes");
  });

  it("falls back to the first tab when none, an unknown or a hidden one is named", () => {
    expect(tabFromParams(new URLSearchParams(""), tabs, "agenda")).toBe("agenda");
    expect(tabFromParams(new URLSearchParams("tab=audit"), tabs, "agenda")).toBe("agenda");
    expect(tabFromParams(new URLSearchParams("tab=notes"), ["agenda", "minutes"], "agenda")).toBe(
      "agenda",
    );
  });

  it("keeps other parameters and drops ?tab= for the first tab", () => {
    const params = new URLSearchParams("q=חינוך&tab=minutes");
    expect(paramsWithTab(params, "notes", "agenda").toString()).toBe(
      new URLSearchParams("q=חינוך&tab=notes").toString(),
    );
    expect(paramsWithTab(params, "agenda", "agenda").toString()).toBe(
      new URLSearchParams("q=חינוך").toString(),
    );
    expect(paramsWithTab(params, null, "agenda").has("tab")).toBe(false);
    expect(params.get("tab")).toBe("minutes");
  });
});
