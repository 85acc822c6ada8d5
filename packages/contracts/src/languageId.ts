import { z } from 'zod';
import { LANGUAGE_IDS } from './languages.ts';

/** A language id in a request or response. */
export const languageId = z.enum(LANGUAGE_IDS);
