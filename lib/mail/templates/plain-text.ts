import type { toPlainText } from "@react-email/render";

// How the HTML part becomes the plain-text part (@react-email/render's toPlainText, html-to-text
// underneath, which already leaves out images and what carries data-skip-in-text): headings as
// written rather than upper-cased, the action as its label and then its address on a line of its
// own (the first address in the text, which the tests and readers look for), and the footer
// after a signature separator ("-- "), as mail programs expect.

/** The part of html-to-text's formatter interface used here (the package ships no types). */
interface Element {
  attribs: Record<string, string>;
  children: unknown[];
}
interface Builder {
  openBlock(options: { leadingLineBreaks: number }): void;
  closeBlock(options: { trailingLineBreaks: number }): void;
  addInline(text: string, options?: { noWordTransform?: boolean }): void;
  addLiteral(text: string): void;
  addLineBreak(): void;
}
type Formatter = (element: Element, walk: (nodes: unknown[], builder: Builder) => void, builder: Builder) => void;

const action: Formatter = (element, walk, builder) => {
  builder.openBlock({ leadingLineBreaks: 2 });
  walk(element.children, builder);
  builder.addLiteral(":");
  builder.addLineBreak();
  builder.addInline(element.attribs.href, { noWordTransform: true });
  builder.closeBlock({ trailingLineBreaks: 2 });
};

const signature: Formatter = (element, walk, builder) => {
  builder.openBlock({ leadingLineBreaks: 2 });
  builder.addLiteral("-- ");
  builder.addLineBreak();
  walk(element.children, builder);
  builder.closeBlock({ trailingLineBreaks: 1 });
};

export const plainTextOptions: Parameters<typeof toPlainText>[1] = {
  formatters: { action, signature },
  selectors: [
    { selector: "h1", options: { uppercase: false, leadingLineBreaks: 2 } },
    { selector: "a[data-action]", format: "action" },
    { selector: "p[data-signature]", format: "signature" },
  ],
};
