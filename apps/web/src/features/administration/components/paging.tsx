import buttons from '../../../components/buttons.module.css';
import { pageWindow } from '../utils/paging';
import { administrationMessages } from '../messages';
import styles from './administration.module.css';

const t = administrationMessages.paging;

type Props = {
  label: string;
  offset: number;
  limit: number;
  total: number;
  shown: number;
  onGo: (offset: number) => void;
};

/** Which rows a list shows ("Visar 11–20 av 43") and the buttons to the pages before and after. */
export function Paging({ label, offset, limit, total, shown, onGo }: Props) {
  const pages = pageWindow({ offset, limit, total, shown });
  return (
    <nav aria-label={label} className={styles.paging}>
      <span>{t.showing(pages.from, pages.to, total)}</span>
      {pages.previous !== null ? (
        <button type="button" className={buttons.outlined} onClick={() => onGo(pages.previous!)}>
          {t.previous}
        </button>
      ) : null}
      {pages.next !== null ? (
        <button type="button" className={buttons.outlined} onClick={() => onGo(pages.next!)}>
          {t.next}
        </button>
      ) : null}
    </nav>
  );
}
