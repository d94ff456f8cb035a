import { useLayoutEffect, useRef, type RefObject } from 'react';

/**
 * The latest value, for a callback kept stable across renders (so memoised children do not re-render) that must read
 * the view as it is when the person acts. Written after each render, never during one.
 */
export function useLatest<T>(value: T): RefObject<T> {
  const latest = useRef(value);
  useLayoutEffect(() => {
    latest.current = value;
  });
  return latest;
}
