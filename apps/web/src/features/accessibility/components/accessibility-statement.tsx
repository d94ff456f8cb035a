import { Page } from '../../../components/layout/page';
import { useWebConfig } from '../../../lib/auth/web-config';
import { formatDate } from '../../../lib/format';
import { accessibilityMessages } from '../messages';

/** The accessibility statement (tillgänglighetsredogörelse), laid out as in DIGG's template. */
export function AccessibilityStatement() {
  const text = accessibilityMessages;
  const date = formatDate(text.statementDate);
  const { municipalityName } = useWebConfig();
  return (
    <Page title={text.title}>
      {text.intro(municipalityName).map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}

      <h2>{text.howAccessible.heading}</h2>
      <p>{text.howAccessible.body}</p>

      <h2>{text.cannotUse.heading}</h2>
      <p>{text.cannotUse.body}</p>

      <h2>{text.feedback.heading}</h2>
      {text.feedback.body.map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}

      <h2>{text.supervision.heading}</h2>
      <p>{text.supervision.body}</p>
      <p>
        <a href={text.supervision.href}>{text.supervision.link}</a>
      </p>

      <h2>{text.technical.heading}</h2>
      <p>{text.technical.body}</p>

      <h2>{text.gaps.heading}</h2>
      <p>{text.gaps.lead}</p>
      <ul>
        {text.gaps.items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>

      <h2>{text.testing.heading}</h2>
      {text.testing.body.map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
      <p>{text.testing.assessed(date)}</p>

      <h2>{text.updated.heading}</h2>
      <p>{text.updated.body(date)}</p>
    </Page>
  );
}
