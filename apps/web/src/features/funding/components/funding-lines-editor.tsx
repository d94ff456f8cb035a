/**
 * An initiative's funding lines, to add, change and end: on Finansiering, and as the guide's funding step (the app's
 * route for Ny insats passes it in, since features do not import each other). Placeholder until built (issue 14).
 */
export function FundingLinesEditor(_props: { initiativeId: string }) {
  return null;
}
