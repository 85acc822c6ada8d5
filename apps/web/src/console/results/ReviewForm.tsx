import { type AttemptReviewNote, REVIEW_DECISIONS, REVIEW_NOTES_BYTES, type ReviewDecision } from '@assay/contracts';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { formatDateTime } from '../ui/format.ts';
import { decisionLabel } from './resultLabels.tsx';

const bytes = (text: string) => new TextEncoder().encode(text).length;

/** [W38] The reviewer's notes and decision: saved for the attempt, with who saved it last and when. */
export function ReviewForm(props: {
  attemptId: string;
  review: AttemptReviewNote;
  onSaved(review: AttemptReviewNote): void;
}) {
  const [decision, setDecision] = useState<ReviewDecision>(props.review.decision);
  const [notes, setNotes] = useState(props.review.notes);
  const [state, setState] = useState<{ saving: boolean; error: string | null; saved: boolean }>({
    saving: false,
    error: null,
    saved: false,
  });
  const size = bytes(notes);
  const tooLong = size > REVIEW_NOTES_BYTES;
  const changed = decision !== props.review.decision || notes !== props.review.notes;

  return (
    <form
      className="card review-form"
      data-testid="review-form"
      onSubmit={async (event) => {
        event.preventDefault();
        setState({ saving: true, error: null, saved: false });
        try {
          const saved = await api<AttemptReviewNote>('PUT', `/api/admin/attempts/${props.attemptId}/review`, {
            decision,
            notes,
          });
          props.onSaved(saved);
          setState({ saving: false, error: null, saved: true });
        } catch (error) {
          setState({ saving: false, error: error instanceof Error ? error.message : String(error), saved: false });
        }
      }}
    >
      <h2 className="section-title">Review</h2>
      <fieldset className="decision-choice">
        <legend className="sr-only">Decision</legend>
        {REVIEW_DECISIONS.map((d) => (
          <label key={d} className={`decision-option decision-${d}${decision === d ? ' selected' : ''}`}>
            <input type="radio" name="decision" value={d} checked={decision === d} onChange={() => setDecision(d)} />
            {decisionLabel(d)}
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>Notes</span>
        <textarea
          rows={6}
          value={notes}
          placeholder="What stood out: approach, code quality, anything to ask in the next interview."
          onChange={(event) => setNotes(event.target.value)}
        />
        <span className={`field-hint${tooLong ? ' field-error' : ''}`}>
          {tooLong
            ? `The notes are ${Math.ceil(size / 1024)} KiB; the limit is ${REVIEW_NOTES_BYTES / 1024} KiB. Shorten them to save.`
            : `${(size / 1024).toFixed(1)} of ${REVIEW_NOTES_BYTES / 1024} KiB`}
        </span>
      </label>
      {state.error && (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      )}
      <div className="review-actions">
        <button type="submit" className="btn btn-primary" disabled={state.saving || tooLong || !changed}>
          {state.saving ? 'Saving…' : 'Save review'}
        </button>
        <span className="muted small" data-testid="review-status">
          {state.saved && !changed
            ? 'Saved.'
            : props.review.reviewedBy
              ? `Last saved by ${props.review.reviewedBy.name}, ${formatDateTime(props.review.reviewedAt)}`
              : 'Not reviewed yet.'}
        </span>
      </div>
    </form>
  );
}
