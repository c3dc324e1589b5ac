/**
 * Indexes (into `values`) of one longest strictly increasing subsequence, in O(n log n).
 * Used as the LCS of two sequences of distinct block ids: write each id of the new sequence as
 * its index in the old one, and the longest increasing run of those indexes is the longest
 * common subsequence (the Hunt–Szymanski reduction). A plain O(n·m) LCS table would be too slow
 * for documents with thousands of blocks side by side. Ties resolve the same way every time.
 */
export const longestIncreasingSubsequence = (values: readonly number[]): number[] => {
  // tails[k]: index of the smallest value ending an increasing run of length k + 1.
  const tails: number[] = [];
  const previous: number[] = new Array<number>(values.length).fill(-1);
  values.forEach((value, index) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (values[tails[middle]] < value) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[index] = tails[low - 1];
    tails[low] = index;
  });
  const result: number[] = [];
  let cursor = tails.length > 0 ? tails[tails.length - 1] : -1;
  while (cursor !== -1) {
    result.push(cursor);
    cursor = previous[cursor];
  }
  return result.reverse();
};
