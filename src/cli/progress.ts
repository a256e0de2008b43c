/** A one-line progress bar on stderr, only when stderr is a terminal and the job is big enough to wait for. */
export function progressBar(label: string, minTotal = 200): (done: number, total: number) => void {
  const tty = process.stderr.isTTY === true;
  let last = -1;
  return (done, total) => {
    if (!tty || total < minTotal) return;
    const pct = Math.floor((100 * done) / total);
    if (pct === last && done !== total) return;
    last = pct;
    const width = 30;
    const fill = Math.round((width * done) / total);
    process.stderr.write(`\r${label} [${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${done}/${total}`);
    if (done === total) process.stderr.write('\n');
  };
}
