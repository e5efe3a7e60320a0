import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderApp } from "../../test/render";
import { TagsInput, TextInput, Textarea } from "./index";

describe("the app's text boxes", () => {
  it("run typed text in its own direction: dir=auto on the element that takes the text", () => {
    renderApp(
      <>
        <TextInput label="title" />
        <Textarea label="body" />
        <TagsInput label="tags" />
      </>,
    );
    for (const label of ["title", "body", "tags"]) {
      const box = screen
        .getAllByLabelText(label)
        .find((el) => el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement);
      expect(box, label).toHaveAttribute("dir", "auto");
    }
  });

  it("let an always-Latin field keep dir=ltr", () => {
    renderApp(<TextInput label="url" dir="ltr" />);
    expect(screen.getByLabelText("url")).toHaveAttribute("dir", "ltr");
  });
});
