/**
 * Small shapes that go with a status's text, so no status is told by colour alone: each is hidden from assistive
 * technology (the text beside it says it) and differs from the others in outline, not just in colour.
 */
export type ShapeName = 'circle' | 'ring' | 'check' | 'triangle' | 'diamond' | 'square' | 'cross' | 'dash';

export function Shape({ name, className }: { name: ShapeName; className?: string }) {
  return (
    <svg className={className} width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
      {name === 'circle' && <circle cx="7" cy="7" r="6" fill="currentColor" />}
      {name === 'ring' && <circle cx="7" cy="7" r="5.5" fill="none" stroke="currentColor" strokeWidth="2" />}
      {name === 'check' && (
        <>
          <circle cx="7" cy="7" r="7" fill="currentColor" />
          <path d="M3.5 7.2 6 9.6l4.6-5" fill="none" stroke="#fff" strokeWidth="2" />
        </>
      )}
      {name === 'triangle' && <path d="M7 1 13.5 13h-13Z" fill="currentColor" />}
      {name === 'diamond' && <path d="M7 0 14 7 7 14 0 7Z" fill="currentColor" />}
      {name === 'square' && <rect x="1" y="1" width="12" height="12" fill="currentColor" />}
      {name === 'cross' && <path d="M2 2l10 10M12 2 2 12" stroke="currentColor" strokeWidth="2.5" />}
      {name === 'dash' && <rect x="1" y="6" width="12" height="2.5" fill="currentColor" />}
    </svg>
  );
}
