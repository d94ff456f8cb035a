import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { messages } from '../lib/messages';
import { renderApp } from '../testing/render-app';
import indexHtml from '../../index.html?raw';

describe('the frame', () => {
  it('should offer a skip link first that targets the main content', async () => {
    await renderApp('/insatser');

    const skipLink = screen.getByRole('link', { name: messages.layout.skipToContent });
    const main = screen.getByRole('main');
    expect(skipLink.getAttribute('href')).toBe(`#${main.id}`);
    expect(main.tabIndex).toBe(-1);
    // First in the tab order: nothing focusable comes before it in the document.
    const focusable = document.querySelectorAll('a[href], button, input, select, textarea, [tabindex="0"]');
    expect(focusable[0]).toBe(skipLink);
  });

  it('should move focus to the main content when the skip link is used', async () => {
    await renderApp('/insatser');

    fireEvent.click(screen.getByRole('link', { name: messages.layout.skipToContent }));

    expect(document.activeElement).toBe(screen.getByRole('main'));
  });

  it('should have a banner, a named primary navigation, main content and a footer', async () => {
    await renderApp('/insatser');

    const banner = screen.getByRole('banner');
    expect(within(banner).getByRole('navigation', { name: messages.layout.primaryNavigation })).toBeTruthy();
    expect(screen.getAllByRole('main')).toHaveLength(1);
    // The municipality web-config names (testing/auth.ts).
    expect(within(banner).getByText('Trollhättans Stad')).toBeTruthy();
  });

  it('should link the accessibility statement from the footer', async () => {
    await renderApp('/insatser');

    const footer = screen.getByRole('contentinfo');
    const link = within(footer).getByRole('link', { name: 'Tillgänglighetsredogörelse' });
    expect(link.getAttribute('href')).toBe('/tillganglighet');
  });

  it('should title the document after the page', async () => {
    await renderApp('/portfoljen');

    expect(document.title).toBe('Portföljen i korthet – Samla');
  });

  it('should not move focus on the first page load', async () => {
    await renderApp('/insatser');

    expect(document.activeElement).toBe(document.body);
  });

  it('should move focus to the new page’s heading when the person navigates', async () => {
    await renderApp('/insatser');

    fireEvent.click(screen.getByRole('button', { name: /^Portföljen/ }));
    fireEvent.click(screen.getByRole('link', { name: 'Larm' }));

    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: 'Larm' })));
    expect(document.title).toBe('Larm – Samla');
  });

  it('should not move focus when only the search changes', async () => {
    const { router } = await renderApp('/insatser');
    const button = document.createElement('button');
    document.body.append(button);
    button.focus();

    await router.navigate({ to: '/insatser', search: { q: 'unga' } });

    expect(router.state.location.search).toEqual({ q: 'unga' });
    expect(document.activeElement).toBe(button);
    button.remove();
  });

  it('should declare the page Swedish', () => {
    expect(indexHtml).toMatch(/<html lang="sv">/);
  });
});

describe('routes', () => {
  it('should send the start page to the list of initiatives', async () => {
    const { router } = await renderApp('/');

    expect(router.state.location.pathname).toBe('/insatser');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Insatser');
  });

  it('should say in Swedish that a page does not exist when the address is unknown', async () => {
    await renderApp('/finns-inte');

    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Sidan finns inte');
    expect(document.title).toBe('Sidan finns inte – Samla');
    expect(screen.getByRole('link', { name: messages.notFound.back }).getAttribute('href')).toBe('/insatser');
    // The frame stays, so the person can go on from the navigation.
    expect(screen.getByRole('navigation', { name: messages.layout.primaryNavigation })).toBeTruthy();
  });

  it('should show Portföljen i korthet and Larm, loaded when visited', async () => {
    for (const [path, title] of [
      ['/portfoljen', 'Portföljen i korthet'],
      ['/larm', 'Larm'],
    ]) {
      const { unmount } = await renderApp(path as string);
      expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(title);
      unmount();
    }
  });

  it('should keep the well-formed filters of the list in typed search params', async () => {
    const { router } = await renderApp('/insatser?status=active&status=bogus&q=%20unga%20&offset=-3');

    const list = router.state.matches.find((match) => match.routeId === '/insatser');
    expect(list?.search).toEqual({ status: ['active'], q: 'unga' });
  });
});

describe('the accessibility statement', () => {
  it('should follow DIGG’s template: compliance, gaps, testing, feedback, supervision and date', async () => {
    await renderApp('/tillganglighet');

    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Tillgänglighetsredogörelse');
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual([
      'Hur tillgänglig är Samla?',
      'Vad kan du göra om du inte kan använda delar av Samla?',
      'Rapportera brister i Samlas tillgänglighet',
      'Tillsyn',
      'Teknisk information om Samlas tillgänglighet',
      'Innehåll som inte är tillgängligt',
      'Hur vi testat Samla',
      'Om redogörelsen',
    ]);
    expect(screen.getByText(/delvis förenlig med lagen om tillgänglighet till digital offentlig service/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Anmäl bristande tillgänglighet till Digg' }).getAttribute('href')).toBe(
      'https://www.digg.se/tdosanmalan',
    );
    expect(screen.getByText(/axe-core/)).toBeTruthy();
    expect(screen.getByText('Senaste bedömningen gjordes den 4 december 2026.')).toBeTruthy();
  });
});
