/** The ids focus moves to: the page's one `<h1>` after a navigation, and the main content from the skip link. */
export const PAGE_HEADING_ID = 'sidrubrik';
export const MAIN_CONTENT_ID = 'huvudinnehall';
