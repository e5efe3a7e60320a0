/**
 * The app's text boxes. Whatever a person types runs in the direction of its own content
 * (`dir="auto"`): "## פתיחה" stays "## פתיחה" and a sentence's period lands at its end, in either
 * UI language. Mantine puts a `dir` prop on the wrapper <div> (where "auto" sees no text, so it
 * means left-to-right), and theme defaultProps do not reach the <input>/<textarea> either: the
 * direction is set on the element itself through Mantine's `attributes`, here, once. ESLint
 * (no-restricted-imports) keeps raw Mantine boxes out of the rest of the app. A field that is
 * always Latin (a URL, an e-mail) may still pass `dir="ltr"`.
 */
import {
  TagsInput as MantineTagsInput,
  TextInput as MantineTextInput,
  Textarea as MantineTextarea,
  type TagsInputProps,
  type TextInputProps,
  type TextareaProps,
} from "@mantine/core";
import type { Ref } from "react";

type Direction = "auto" | "ltr" | "rtl";

/** Mantine's `attributes`, with `dir` on the part that takes the text. */
function ownDirection(
  part: "input",
  dir: string | undefined,
  attributes: Record<string, object> | undefined,
) {
  return {
    ...attributes,
    [part]: { dir: (dir as Direction | undefined) ?? "auto", ...attributes?.[part] },
  };
}

export function TextInput({
  ref,
  dir,
  attributes,
  ...props
}: TextInputProps & { ref?: Ref<HTMLInputElement> }) {
  return (
    <MantineTextInput ref={ref} attributes={ownDirection("input", dir, attributes)} {...props} />
  );
}

export function Textarea({
  ref,
  dir,
  attributes,
  ...props
}: TextareaProps & { ref?: Ref<HTMLTextAreaElement> }) {
  return (
    <MantineTextarea ref={ref} attributes={ownDirection("input", dir, attributes)} {...props} />
  );
}

/** A tags box hands `dir` on to its own text field already. */
export function TagsInput({
  ref,
  dir,
  ...props
}: TagsInputProps & { ref?: Ref<HTMLInputElement> }) {
  return <MantineTagsInput ref={ref} dir={dir ?? "auto"} {...props} />;
}
