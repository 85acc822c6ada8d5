import { createContext } from 'react';

/**
 * Set for someone who may look but not change (an interviewer): every authoring editor below is
 * read-only. Its own module, so the page can provide it without loading Monaco.
 */
export const ReadOnlyEditors = createContext(false);
