/**
 * A refused CAP document: the element (as a path such as `info[1].urgency`) and the rule it
 * breaks, worded for the duty officer in Chinese and English.
 */
export class CapError extends Error {
  constructor(readonly element: string, readonly en: string, readonly zh: string) {
    super(`${element}: ${en}`);
    this.name = 'CapError';
  }

  /** The message in both languages, the way the console shows refusals. */
  bilingual(): string {
    return `${this.element}：${this.zh} / ${this.element}: ${this.en}`;
  }
}

/** Something in a document the reader deliberately did not import, or shortened, and why. */
export interface CapNote { element: string; en: string; zh: string }
