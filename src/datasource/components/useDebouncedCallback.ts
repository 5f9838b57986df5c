import { useCallback, useEffect, useRef } from 'react';

/**
 * A stable callback that runs `fn` once, `delayMs` after the last call. Used to refit while the analyst edits orders
 * without starting a fit per keystroke; a pending call is dropped on unmount.
 */
export function useDebouncedCallback(fn: () => void, delayMs: number): () => void {
  const latest = useRef(fn);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    latest.current = fn;
  }, [fn]);
  useEffect(() => () => clearTimeout(timer.current), []);
  return useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => latest.current(), delayMs);
  }, [delayMs]);
}
