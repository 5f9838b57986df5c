/**
 * The identity of a label set, written in Prometheus' series notation (Prometheus docs, "Data model: Notation"):
 * `{name="value",…}` with the names sorted and each value a JSON string (quotes, backslashes and newlines escaped),
 * so equal label sets give equal keys whatever their key order. The service logs it, keys its store with it and
 * persists it in its state file, so its form is part of the state-file format.
 *
 * Distinct label sets give distinct keys as long as no label name contains `"` (classic Prometheus names cannot).
 */
export function seriesKey(labels: Record<string, string>): string {
  const pairs = Object.keys(labels)
    .sort()
    .map((name) => `${name}=${JSON.stringify(labels[name])}`);
  return `{${pairs.join(',')}}`;
}
