import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Me } from '../lib/auth/use-me';
import { messages } from '../lib/messages';
import { fakeMe } from '../testing/auth';
import { renderApp } from '../testing/render-app';

// The header's navigation (app/routes/root.tsx's screens, components/layout/primary-navigation.tsx) as a person meets it.

const ADMIN = fakeMe({
  roles: ['admin'],
  allow: {
    'portfolio:read': 'all',
    'reporting-rounds:write': 'all',
    'audit:read': 'all',
    'initiatives:import': 'all',
    'access:manage': 'all',
  },
});
const AUDITOR = fakeMe({
  roles: ['auditor'],
  department: null,
  allow: { 'portfolio:read': 'all', 'audit:read': 'all' },
});
const CURRENT = ` ${messages.layout.currentGroup}`;

const navigation = () => screen.getByRole('navigation', { name: messages.layout.primaryNavigation });
const groupButton = (name: string) => within(navigation()).getByRole('button', { name: new RegExp(`^${name}`) });

/** Each entry of the navigation: a group's button and its links (shown or not), or a link of its own. */
function outline() {
  return [...navigation().querySelectorAll(':scope > ul > li')].map((entry) => {
    const links = [...entry.querySelectorAll('a')].map((link) => [link.textContent, link.getAttribute('href')]);
    const button = entry.querySelector('button');
    return button ? { group: button.textContent, expanded: button.getAttribute('aria-expanded'), links } : links[0];
  });
}

const PORTFOLIO = {
  group: 'Portföljen',
  expanded: 'false',
  links: [
    ['Insatser', '/insatser'],
    ['Portföljen i korthet', '/portfoljen'],
    ['Larm', '/larm'],
  ],
};
const FOLLOW_UP = {
  group: 'Uppföljning',
  expanded: 'false',
  links: [
    ['Rapporter', '/rapporter'],
    ['Indikatorer', '/indikatorer'],
    ['Mål och effekter', '/mal'],
  ],
};
const LEADERSHIP = {
  group: 'Ledningsgruppen',
  expanded: 'false',
  links: [
    ['Finansieringsstup', '/finansieringsstup'],
    ['Överlapp', '/overlapp'],
    ['Revisionsberedskap', '/revisionsberedskap'],
    ['Portföljgenomgång', '/genomgangar'],
  ],
};

describe('the header’s navigation', () => {
  it('should group the screens in the order people work, every group closed', async () => {
    await renderApp('/tillganglighet');

    expect(outline()).toEqual([PORTFOLIO, FOLLOW_UP, LEADERSHIP]);
    for (const button of within(navigation()).getAllByRole('button')) {
      const panel = document.getElementById(button.getAttribute('aria-controls') ?? '');
      expect(button.getAttribute('type')).toBe('button');
      expect(panel?.hidden).toBe(true);
    }
    expect(within(navigation()).queryAllByRole('link')).toEqual([]);
  });

  it.each<[string, Me, unknown[]]>([
    [
      'an administrator every screen, Granskning as a link of its own',
      ADMIN,
      [
        PORTFOLIO,
        { ...FOLLOW_UP, links: [...FOLLOW_UP.links, ['Uppföljningsomgångar', '/omgangar']] },
        LEADERSHIP,
        ['Granskning', '/granskning'],
        {
          group: 'Administration',
          expanded: 'false',
          links: [
            ['Importera insatser', '/admin/import'],
            ['Administration', '/admin'],
          ],
        },
      ],
    ],
    [
      'an auditor Granskning, and no Administration without a screen in it',
      AUDITOR,
      [PORTFOLIO, FOLLOW_UP, LEADERSHIP, ['Granskning', '/granskning']],
    ],
  ])('should offer %s', async (_, me, expected) => {
    await renderApp('/tillganglighet', { me });

    // The screens for everyone show at once, the others when /me has answered.
    await waitFor(() => expect(outline()).toEqual(expected));
  });

  it.each([
    ['/larm', fakeMe(), 'Larm', 'Portföljen'],
    ['/insatser/SSPF', fakeMe(), 'Insatser', 'Portföljen'],
    ['/mal/FP-3', fakeMe(), 'Mål och effekter', 'Uppföljning'],
    ['/admin/import', ADMIN, 'Importera insatser', 'Administration'],
    ['/admin/jobb', ADMIN, 'Administration', 'Administration'],
    ['/granskning', ADMIN, 'Granskning', undefined],
  ])(
    'should mark on %s only the most specific item as the page, and its group in words',
    async (path, me, page, group) => {
      await renderApp(path, { me });

      const marked = () =>
        [...navigation().querySelectorAll('[aria-current]')].map((link) => [
          link.textContent,
          link.getAttribute('aria-current'),
        ]);
      await waitFor(() => expect(marked()).toEqual([[page, 'page']]));
      const buttons = within(navigation())
        .queryAllByRole('button')
        .map((button) => button.textContent);
      expect(buttons.filter((name) => name?.endsWith(CURRENT))).toEqual(group ? [`${group}${CURRENT}`] : []);
    },
  );

  it('should open one group at a time, and close it on Escape with focus back on its button', async () => {
    await renderApp('/tillganglighet');

    fireEvent.click(groupButton('Portföljen'));
    expect(groupButton('Portföljen').getAttribute('aria-expanded')).toBe('true');
    expect(
      within(navigation())
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Insatser', 'Portföljen i korthet', 'Larm']);

    fireEvent.click(groupButton('Uppföljning'));
    expect(groupButton('Portföljen').getAttribute('aria-expanded')).toBe('false');
    expect(
      within(navigation())
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Rapporter', 'Indikatorer', 'Mål och effekter']);

    const link = within(navigation()).getByRole('link', { name: 'Indikatorer' });
    act(() => link.focus());
    fireEvent.keyDown(link, { key: 'Escape' });
    expect(groupButton('Uppföljning').getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(groupButton('Uppföljning'));
    expect(within(navigation()).queryAllByRole('link')).toEqual([]);
  });

  it('should close the open group on a click outside it and when focus leaves it, not when focus moves within it', async () => {
    await renderApp('/tillganglighet');
    const portfolio = groupButton('Portföljen');

    fireEvent.click(portfolio);
    fireEvent.pointerDown(within(navigation()).getByRole('link', { name: 'Larm' }));
    expect(portfolio.getAttribute('aria-expanded')).toBe('true');
    fireEvent.pointerDown(screen.getByRole('main'));
    expect(portfolio.getAttribute('aria-expanded')).toBe('false');

    fireEvent.click(portfolio);
    act(() => portfolio.focus());
    act(() => within(navigation()).getByRole('link', { name: 'Insatser' }).focus());
    expect(portfolio.getAttribute('aria-expanded')).toBe('true');
    act(() => groupButton('Uppföljning').focus());
    expect(portfolio.getAttribute('aria-expanded')).toBe('false');
    expect(groupButton('Uppföljning').getAttribute('aria-expanded')).toBe('false');
  });

  it('should close the group when a link is chosen, and move focus to the new page’s heading', async () => {
    const { router } = await renderApp('/tillganglighet');

    fireEvent.click(groupButton('Ledningsgruppen'));
    fireEvent.click(within(navigation()).getByRole('link', { name: 'Överlapp' }));

    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: 'Överlapp' })),
    );
    expect(router.state.location.pathname).toBe('/overlapp');
    expect(groupButton('Ledningsgruppen').getAttribute('aria-expanded')).toBe('false');
    expect(groupButton('Ledningsgruppen').textContent).toBe(`Ledningsgruppen${CURRENT}`);
  });

  it('should leave focus on the group’s button when the link chosen is the page shown', async () => {
    await renderApp('/larm');

    fireEvent.click(groupButton('Portföljen'));
    fireEvent.click(within(navigation()).getByRole('link', { name: 'Larm' }));

    expect(groupButton('Portföljen').getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(groupButton('Portföljen'));
  });
});
