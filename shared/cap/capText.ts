/**
 * Some senders put HTML in a description, inside CDATA or escaped (`&lt;p&gt;`). The console
 * shows text, so paragraphs and line breaks become new lines, list items bullets, and other tags
 * of this short list of formatting tags are dropped. Text without them is returned unchanged:
 * "winds > 60 km/h" or "<5 mm" are not tags.
 */
const FORMATTING_TAG = /<\/?(?:p|br|hr|b|i|u|em|strong|small|big|sub|sup|span|div|font|center|ul|ol|li|a|h[1-6]|table|thead|tbody|tr|td|th)\b[^<>]{0,500}>/gi;
const HTML_ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", deg: '°' };

export function plainText(value: string | undefined): string | undefined {
  if (value === undefined || !new RegExp(FORMATTING_TAG.source, 'i').test(value)) return value;
  const text = value
    .replace(/<(?:br|hr)\b[^<>]{0,500}>/gi, '\n')
    .replace(/<\/(?:p|div|li|h[1-6]|tr|ul|ol|table)\s*>/gi, '\n')
    .replace(/<li\b[^<>]{0,500}>/gi, '• ')
    .replace(FORMATTING_TAG, '')
    .replace(/&(nbsp|amp|lt|gt|quot|apos|#39|deg);/g, (_whole, name: string) => HTML_ENTITIES[name]!)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return text === '' ? undefined : text;
}
