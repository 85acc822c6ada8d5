// Tournament with a stack: pop two people, one question eliminates one of them, push the survivor back.
// n - 1 questions leave one candidate, then 2(n - 1) questions verify it: at most 3n - 3 calls.
declare function knows(a: number, b: number): boolean;

function findCelebrity(n: number): number {
  const stack: number[] = [];
  for (let i = n - 1; i >= 0; i--) stack.push(i);
  while (stack.length > 1) {
    const a = stack.pop() as number;
    const b = stack.pop() as number;
    stack.push(knows(a, b) ? b : a);
  }
  const candidate = stack[0];
  for (let i = 0; i < n; i++) {
    if (i !== candidate && !knows(i, candidate)) return -1;
  }
  for (let i = 0; i < n; i++) {
    if (i !== candidate && knows(candidate, i)) return -1;
  }
  return candidate;
}
