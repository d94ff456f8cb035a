import { useRouterState } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { MAIN_CONTENT_ID, PAGE_HEADING_ID } from './landmark-ids';

/**
 * After a move to another page (not on the first load, and not when only the search changes, as filters do), focus
 * goes to the new page's heading: a screen reader announces it, and the next Tab starts from the content, as after a
 * full page load.
 */
export function useFocusOnNavigation() {
  const pathname = useRouterState({ select: (state) => state.resolvedLocation?.pathname });
  const previous = useRef(pathname);
  useEffect(() => {
    if (pathname === undefined || previous.current === pathname) return;
    const isFirstPage = previous.current === undefined;
    previous.current = pathname;
    if (isFirstPage) return;
    const target = document.getElementById(PAGE_HEADING_ID) ?? document.getElementById(MAIN_CONTENT_ID);
    target?.focus();
  }, [pathname]);
}
