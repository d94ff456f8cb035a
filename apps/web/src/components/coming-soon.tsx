import { messages } from '../lib/messages';
import { Page } from './layout/page';

/** A screen that is not built yet: says so, and what it will hold. */
export function ComingSoon({ title, description }: { title: string; description: string }) {
  return (
    <Page title={title}>
      <p>
        <strong>{messages.comingSoon.lead}</strong>
      </p>
      <p>{description}</p>
    </Page>
  );
}
