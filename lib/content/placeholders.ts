// Shipped content marks what only the operator knows (an address, a contact) as a placeholder:
// with the word "Platzhalter" or "placeholder", or with a domain reserved for examples and tests
// (RFC 2606), which can never be a real address.
const placeholder =
  /platzhalter|placeholder|(?<![\w-])example\.(?:org|com|net)(?![\w.-])|\.(?:example|invalid|test)(?![\w.-])/i;

/** Whether `text` still holds a placeholder instead of a real value. */
export function isPlaceholder(text: string): boolean {
  return placeholder.test(text);
}
