/** A `--name=value` argument of a benchmark script (or of the child process it spawns). */
export function argument(name: string): string | undefined {
  return process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
}
