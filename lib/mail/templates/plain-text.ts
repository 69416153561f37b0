import { plainTextSelectors } from "@react-email/render";
import { compile, type FormatCallback } from "html-to-text";

// How the HTML part becomes the plain-text part: html-to-text with React Email's rules (its
// toPlainText: no images, nothing marked data-skip-in-text, bare link addresses), and ours:
// headings as written rather than upper-cased, the action as its label and then its address on a
// line of its own (the first address in the text, which readers and the tests look for), and the
// footer after a signature separator ("-- "), as mail programs expect. Compiled once: toPlainText
// compiles the rules on every call, which took ten times as long as the conversion itself.

const action: FormatCallback = (element, walk, builder) => {
  builder.openBlock({ leadingLineBreaks: 2 });
  walk(element.children, builder);
  builder.addLiteral(":");
  builder.addLineBreak();
  builder.addInline(String(element.attribs?.href), { noWordTransform: true });
  builder.closeBlock({ trailingLineBreaks: 2 });
};

const signature: FormatCallback = (element, walk, builder) => {
  builder.openBlock({ leadingLineBreaks: 2 });
  builder.addLiteral("-- ");
  builder.addLineBreak();
  walk(element.children, builder);
  builder.closeBlock({ trailingLineBreaks: 1 });
};

export const plainText: (html: string) => string = compile({
  wordwrap: false,
  formatters: { action, signature },
  selectors: [
    ...plainTextSelectors,
    { selector: "h1", options: { uppercase: false, leadingLineBreaks: 2 } },
    { selector: "a[data-action]", format: "action" },
    { selector: "p[data-signature]", format: "signature" },
  ],
});
