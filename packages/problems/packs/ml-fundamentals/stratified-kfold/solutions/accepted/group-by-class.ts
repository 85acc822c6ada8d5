// Groups the indices by class, walks the classes in ascending order dealing their members to the next
// fold in turn, and reads the folds off in index order, so no fold needs sorting.
function stratifiedKFold(labels: number[], k: number): number[][] {
  const members = new Map<number, number[]>();
  labels.forEach((label, i) => {
    const list = members.get(label);
    if (list) list.push(i);
    else members.set(label, [i]);
  });
  const foldOf = new Int32Array(labels.length);
  let next = 0;
  for (const label of [...members.keys()].sort((a, b) => a - b)) {
    for (const i of members.get(label)) {
      foldOf[i] = next;
      next = (next + 1) % k;
    }
  }
  const folds: number[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < labels.length; i++) folds[foldOf[i]].push(i);
  return folds;
}
