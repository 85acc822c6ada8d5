import type { PresentParticipant } from './padLogic.ts';

const PRESENCE_LABEL = { active: 'active', idle: 'idle', away: 'away (tab hidden)', left: 'left' } as const;

/** Who is in the pad, each with their colour and presence ([W47]). */
export function ParticipantList({ people }: { people: PresentParticipant[] }) {
  return (
    <ul className="pad-people" aria-label="Participants" data-testid="participants">
      {people.map((p) => (
        <li
          key={p.id}
          className={`pad-person presence-${p.presence}`}
          data-presence={p.presence}
          data-name={p.name}
          title={`${p.name} (${p.role}) · ${PRESENCE_LABEL[p.presence]}`}
        >
          <span className="pad-dot" style={{ background: p.colour }} aria-hidden="true" />
          <span className="pad-person-name">
            {p.name}
            {p.me && <span className="muted"> (you)</span>}
          </span>
          <span className="sr-only">
            , {p.role}, {PRESENCE_LABEL[p.presence]}
          </span>
        </li>
      ))}
    </ul>
  );
}
