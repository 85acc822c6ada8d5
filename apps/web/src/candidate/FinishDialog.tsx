import { Dialog } from '../ui/Dialog.tsx';
import { formatClock } from './useCountdown.ts';

/**
 * Finishing asks first ([W8], [W16]): how much time is left, and which tasks have changes the candidate
 * has not submitted (their last saved code is submitted for them).
 */
export function FinishDialog(props: {
  remaining: number;
  unsubmitted: { position: number; title: string }[];
  finishing: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { unsubmitted } = props;
  return (
    <Dialog
      title="Finish the assessment?"
      confirmLabel={props.finishing ? 'Finishing…' : 'Finish and submit'}
      tone="danger"
      busy={props.finishing}
      onConfirm={props.onConfirm}
      onCancel={props.onCancel}
    >
      <p data-testid="finish-time-left">
        You have <strong>{formatClock(props.remaining)}</strong> left. You cannot change your code after finishing.
      </p>
      {unsubmitted.length > 0 ? (
        <>
          <p>
            {unsubmitted.length === 1 ? 'This task has' : `These ${unsubmitted.length} tasks have`} changes you have not
            submitted; the last saved code will be submitted for you:
          </p>
          <ul data-testid="finish-unsubmitted">
            {unsubmitted.map((t) => (
              <li key={t.position}>
                {t.position + 1}. {t.title}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>Every task’s latest code has been submitted.</p>
      )}
    </Dialog>
  );
}
