import { healthResponse, type LanguageAvailabilityMap, type LanguageId } from '@assay/contracts';
import { useEffect, useState } from 'react';

let known: Promise<LanguageAvailabilityMap | undefined> | undefined;

/**
 * [W61] Which languages this server can judge, from `/api/health` ([A130]): asked once per page load
 * (the server probes once, at start). Undefined when the server could not be asked; every picker then
 * offers every language and the API's refusal says why ([A131]).
 */
export function loadLanguageAvailability(): Promise<LanguageAvailabilityMap | undefined> {
  known ??= fetch('/api/health', { cache: 'no-store', credentials: 'same-origin' })
    .then(async (response) => (response.ok ? healthResponse.parse(await response.json()).languages : undefined))
    .catch(() => undefined)
    .then((languages) => {
      // An unanswered question is asked again by the next picker shown.
      if (!languages) known = undefined;
      return languages;
    });
  return known;
}

/** [W61] The availability of every language, once known. */
export function useLanguageAvailability(): LanguageAvailabilityMap | undefined {
  const [availability, setAvailability] = useState<LanguageAvailabilityMap>();
  useEffect(() => {
    let live = true;
    void loadLanguageAvailability().then((a) => {
      if (live) setAvailability(a);
    });
    return () => {
      live = false;
    };
  }, []);
  return availability;
}

/** [W61] Why this server cannot judge a language, or undefined when it can (or nobody knows yet). */
export function unavailableReason(
  availability: LanguageAvailabilityMap | undefined,
  language: LanguageId,
): string | undefined {
  const known = availability?.[language];
  return known && !known.available ? known.reason : undefined;
}
