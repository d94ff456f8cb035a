import { Link, useRouterState, type LinkProps } from '@tanstack/react-router';
import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type Dispatch,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  type SetStateAction,
} from 'react';
import { messages } from '../../lib/messages';
import styles from './primary-navigation.module.css';

export type NavigationItem = { to: LinkProps['to']; label: string };
/** Screens shown behind one disclosure button in the header. */
export type NavigationGroup = { label: string; items: readonly NavigationItem[] };
export type NavigationEntry = NavigationItem | NavigationGroup;

const isGroup = (entry: NavigationEntry): entry is NavigationGroup => 'items' in entry;

/**
 * The item for the page shown: the one whose path is the page's or a folder above it, the longest such (on
 * /admin/import "Importera insatser", not also "Administration" at /admin).
 */
export function currentItem(pathname: string, items: readonly NavigationItem[]): NavigationItem | undefined {
  let current: NavigationItem | undefined;
  for (const item of items) {
    const to = String(item.to);
    const matches = pathname === to || pathname.startsWith(`${to}/`);
    if (matches && (!current || to.length > String(current.to).length)) current = item;
  }
  return current;
}

// The router marks a link itself only on its exact path; which item is current (and gets aria-current) is decided
// above, so a folder above the page is never marked too.
const EXACT = { exact: true, includeSearch: false } as const;

/**
 * The header's navigation: a link per screen or group of screens; a group is a native disclosure button (react-aria's
 * would weigh on the first load) over its links. One group is open at a time; Escape, a click or focus elsewhere and
 * choosing a link close it. The group holding the page shown is marked by a bar and, for screen readers, in words.
 */
export function PrimaryNavigation({ label, entries }: { label: string; entries: readonly NavigationEntry[] }) {
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const current = currentItem(
    pathname,
    entries.flatMap((entry) => (isGroup(entry) ? entry.items : [entry])),
  );
  const [open, setOpen] = useState<string | null>(null);
  return (
    <nav aria-label={label} className={styles.navigation}>
      <ul className={styles.entries}>
        {entries.map((entry) => (
          <li key={entry.label} className={styles.entry}>
            {isGroup(entry) ? (
              <Group group={entry} current={current} open={open} setOpen={setOpen} />
            ) : (
              <NavigationLink item={entry} isCurrent={entry === current} />
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Closes the group `label`, unless another has been opened meanwhile. */
const closing = (label: string) => (open: string | null) => (open === label ? null : open);

type GroupProps = {
  group: NavigationGroup;
  current: NavigationItem | undefined;
  /** The open group's label: one at a time. */
  open: string | null;
  setOpen: Dispatch<SetStateAction<string | null>>;
};

function Group({ group, current, open, setOpen }: GroupProps) {
  const isOpen = open === group.label;
  const panelId = useId();
  const containerRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLUListElement>(null);
  const holdsCurrent = current !== undefined && group.items.includes(current);

  // A click or tap anywhere outside the open group closes it.
  useEffect(() => {
    if (!isOpen) return;
    const closeOutside = (event: PointerEvent) => {
      if (!containerRef.current?.contains(event.target as Node)) setOpen(closing(group.label));
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [isOpen, setOpen, group.label]);

  // A panel that would stick out past the window's right edge opens leftwards instead: no horizontal scrolling.
  useLayoutEffect(() => {
    const panel = panelRef.current;
    if (!isOpen || !panel) return;
    panel.removeAttribute('data-leftwards');
    panel.toggleAttribute('data-leftwards', panel.getBoundingClientRect().right > document.documentElement.clientWidth);
  }, [isOpen]);

  const closeToButton = () => {
    setOpen(closing(group.label));
    buttonRef.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !isOpen) return;
    event.preventDefault();
    closeToButton();
  };
  // Focus moving elsewhere closes it. Focus moving nowhere (a click on the page; Safari does not focus a clicked link)
  // is left to the click, so a link clicked in the panel is still there to follow.
  const onBlur = (event: FocusEvent) => {
    if (isOpen && event.relatedTarget instanceof Node && !event.currentTarget.contains(event.relatedTarget))
      setOpen(closing(group.label));
  };
  // Back on the button, focus is never left on a hidden link; a move to another page then takes it to the heading.
  const onChoose = (event: MouseEvent) => {
    if (event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey) closeToButton();
  };

  return (
    <div ref={containerRef} className={styles.group} onKeyDown={onKeyDown} onBlur={onBlur}>
      <button
        ref={buttonRef}
        type="button"
        className={holdsCurrent ? `${styles.groupButton} ${styles.current}` : styles.groupButton}
        aria-expanded={isOpen}
        aria-controls={panelId}
        onClick={() => setOpen(isOpen ? null : group.label)}
      >
        {group.label}
        {holdsCurrent && <span className="visually-hidden"> {messages.layout.currentGroup}</span>}
      </button>
      <ul ref={panelRef} id={panelId} className={styles.panel} hidden={!isOpen}>
        {group.items.map((item) => (
          <li key={item.label}>
            <NavigationLink item={item} isCurrent={item === current} onClick={onChoose} />
          </li>
        ))}
      </ul>
    </div>
  );
}

type NavigationLinkProps = { item: NavigationItem; isCurrent: boolean; onClick?: (event: MouseEvent) => void };

function NavigationLink({ item, isCurrent, onClick }: NavigationLinkProps) {
  return (
    <Link
      to={item.to}
      activeOptions={EXACT}
      aria-current={isCurrent ? 'page' : undefined}
      className={isCurrent ? `${styles.link} ${styles.current}` : styles.link}
      onClick={onClick}
    >
      {item.label}
    </Link>
  );
}
