/**
 * The paragraphs of minutes as the API counts them for comments: the text split on blank lines
 * ("\n\n"), empty pieces dropped, numbered from 0.
 */
export function splitParagraphs(body: string): string[] {
  return body.split("\n\n").filter((p) => p.trim().length > 0);
}
