import type { LanguageAvailabilityMap, LanguageId } from '@assay/contracts';
import { languageDefinition } from '@assay/judge/languages';
import { unavailableReason } from '../api/languages.ts';

/**
 * [W61] The options of a language menu: a language this server cannot judge is shown, disabled, as
 * "Python 3 (unavailable)" with the reason as its tooltip (the reason itself is shown by
 * UnavailableLanguages beside the menu).
 */
export function LanguageOptions(props: {
  languages: readonly LanguageId[];
  availability: LanguageAvailabilityMap | undefined;
}) {
  return (
    <>
      {props.languages.map((l) => {
        const reason = unavailableReason(props.availability, l);
        return (
          <option key={l} value={l} disabled={reason !== undefined} title={reason}>
            {languageDefinition(l).label}
            {reason === undefined ? '' : ' (unavailable)'}
          </option>
        );
      })}
    </>
  );
}

/** [W61] Why each of these languages cannot be judged here, one line each; nothing when all can. */
export function UnavailableLanguages(props: {
  languages: readonly LanguageId[];
  availability: LanguageAvailabilityMap | undefined;
  className?: string;
}) {
  const lines = props.languages.flatMap((l) => {
    const reason = unavailableReason(props.availability, l);
    return reason === undefined ? [] : [{ language: l, reason }];
  });
  if (lines.length === 0) return null;
  return (
    <div className={`language-unavailable ${props.className ?? ''}`} role="note" data-testid="language-unavailable">
      {lines.map(({ language, reason }) => (
        <p key={language}>
          <strong>{languageDefinition(language).label} is unavailable on this server.</strong> {reason}
        </p>
      ))}
    </div>
  );
}
