import DOMPurify from 'dompurify';
import { marked } from 'marked';

// A link in a statement opens beside the assessment, never in place of it.
DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A' && node.getAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

/**
 * Problem statements are Markdown from problem packs; rendered, then sanitized before they reach the
 * DOM. The candidate's statement and the authoring preview both use this, so authors see what
 * candidates will.
 */
export function renderMarkdown(markdown: string): string {
  return DOMPurify.sanitize(marked.parse(markdown, { async: false, gfm: true }));
}
