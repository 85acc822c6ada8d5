import { describe, expect, it } from 'vitest';
import { addToast, type Toast } from './Toasts.tsx';

describe('toasts', () => {
  it('[W18] keeps at most one proctoring notice on screen, counting the ones it replaced', () => {
    let list: Toast[] = [];
    list = addToast(list, { id: 1, message: 'Task 1: Accepted', tone: 'info' });
    list = addToast(list, { id: 2, message: 'You left the assessment tab.', tone: 'warning', group: 'proctoring' });
    list = addToast(list, { id: 3, message: 'The window lost focus.', tone: 'warning', group: 'proctoring' });
    list = addToast(list, { id: 4, message: 'Pasted 40 characters.', tone: 'warning', group: 'proctoring' });
    expect(list.map((t) => [t.id, t.count])).toEqual([
      [1, 1],
      [4, 3],
    ]);
  });

  it('[W18] shows a repeated message once, and at most three toasts', () => {
    let list: Toast[] = [];
    for (const [id, message] of ['a', 'b', 'a', 'c', 'd'].entries()) {
      list = addToast(list, { id, message, tone: 'info' });
    }
    expect(list.map((t) => t.message)).toEqual(['a', 'c', 'd']);
    expect(list.every((t) => t.count === 1)).toBe(true);
  });
});
