import { describe, expect, it } from 'vitest';
import { currentItem, type NavigationItem } from './primary-navigation';

const items: NavigationItem[] = [
  { to: '/insatser', label: 'Insatser' },
  { to: '/admin/import', label: 'Importera insatser' },
  { to: '/admin', label: 'Administration' },
];

describe('currentItem', () => {
  it.each([
    ['/insatser', 'Insatser'],
    ['/insatser/SSPF/andra', 'Insatser'],
    ['/admin', 'Administration'],
    ['/admin/jobb', 'Administration'],
    ['/admin/import', 'Importera insatser'],
  ])('should take on %s the most specific item whose path the page is or lies under: %s', (pathname, label) => {
    expect(currentItem(pathname, items)?.label).toBe(label);
  });

  it.each(['/tillganglighet', '/insatserna', '/administration', '/'])('should take none on %s', (pathname) => {
    expect(currentItem(pathname, items)).toBeUndefined();
  });
});
