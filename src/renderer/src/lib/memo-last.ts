/**
 * Remembers a pure function's last result: called again with the same arguments (each the same value or the same
 * object), it returns that result without running. The gallery's view is asked for by many components on every
 * store change; with 5,000 images only an actual change of images, filter, search or order filters again.
 */
export function memoLast<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let last: { args: A; result: R } | null = null;
  return (...args: A): R => {
    if (last !== null && last.args.length === args.length && last.args.every((a, i) => Object.is(a, args[i]))) {
      return last.result;
    }
    const result = fn(...args);
    last = { args, result };
    return result;
  };
}
