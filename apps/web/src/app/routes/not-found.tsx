import { Link } from '@tanstack/react-router';
import { Page } from '../../components/layout/page';
import { messages } from '../../lib/messages';

export function NotFound() {
  return (
    <Page title={messages.notFound.title}>
      <p>{messages.notFound.body}</p>
      <p>
        <Link to="/insatser">{messages.notFound.back}</Link>
      </p>
    </Page>
  );
}
